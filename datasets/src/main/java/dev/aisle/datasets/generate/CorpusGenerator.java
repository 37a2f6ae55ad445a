package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.ContentHash;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.Shelves;
import dev.aisle.datasets.generate.shelf.TopicGuide;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates the default shopping corpus from a seed: the same seed and options always give the
 * same corpus, byte for byte once written. Each product, and each evaluation item, draws from its
 * own stream derived from the seed, so parts of the corpus do not shift when another part changes.
 *
 * <pre>{@code
 * Corpus corpus = new CorpusGenerator(42, CorpusGenerator.Options.small(300)).generate();
 * }</pre>
 */
public final class CorpusGenerator {

    /** The seed of the default corpus under AISLE_HOME. */
    public static final long DEFAULT_SEED = 20240611L;

    /**
     * How much to generate.
     *
     * @param products            number of products, spread over the categories by their share
     * @param reviewsPerProduct   mean written reviews per product (the count per product is skewed)
     * @param questionsPerProduct mean Q&A threads per product
     * @param judgedQueries       number of search queries with relevance judgments
     * @param questionsPerIntent  evaluation questions per intent
     * @param heldOutShare        share of evaluation material in the held-out split
     */
    public record Options(int products, double reviewsPerProduct, double questionsPerProduct,
                          int judgedQueries, int questionsPerIntent, double heldOutShare) {

        public Options {
            if (products < 1) {
                throw new IllegalArgumentException("products must be >= 1, got " + products);
            }
            if (reviewsPerProduct < 1) {
                throw new IllegalArgumentException("reviewsPerProduct must be >= 1, got " + reviewsPerProduct);
            }
            if (questionsPerProduct < 0 || judgedQueries < 0 || questionsPerIntent < 0) {
                throw new IllegalArgumentException("counts must be >= 0");
            }
            if (heldOutShare <= 0 || heldOutShare >= 1) {
                throw new IllegalArgumentException("heldOutShare must be in (0, 1), got " + heldOutShare);
            }
        }

        /** The default corpus: ≥ 5,000 products, ≥ 50,000 reviews, ≥ 10,000 Q&A threads. */
        public static Options defaults() {
            return new Options(5400, 10.5, 2.2, 1000, 300, 0.3);
        }

        /** A quick corpus for tests of other modules: the same shelves, fewer of everything. */
        public static Options small(int products) {
            return new Options(products, 6, 1.5, Math.max(10, products / 5), Math.max(4, products / 20), 0.3);
        }
    }

    /** A generated corpus with the hidden truth it was drawn from, for invariant tests. */
    public record Generated(Corpus corpus, Map<String, Double> hiddenQuality) {
    }

    private final long seed;
    private final Options options;
    private final List<CategorySpec> categories;
    private final List<TopicGuide> topics;

    public CorpusGenerator(long seed, Options options) {
        this.seed = seed;
        this.options = options;
        this.categories = Shelves.categories();
        this.topics = Shelves.topics();
    }

    public long seed() {
        return seed;
    }

    public Corpus generate() {
        return generateWithTruth().corpus();
    }

    public Generated generateWithTruth() {
        ProductMaker maker = new ProductMaker();
        ReviewWriter reviewWriter = new ReviewWriter(CorpusGenerator::valueScore);
        QaWriter qaWriter = new QaWriter();
        List<Item> items = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        List<QaThread> questions = new ArrayList<>();
        Map<String, Double> quality = new LinkedHashMap<>();
        Map<String, List<Product>> byLeaf = new LinkedHashMap<>();

        int[] perCategory = allocate(options.products());
        int index = 0;
        for (int c = 0; c < categories.size(); c++) {
            CategorySpec spec = categories.get(c);
            for (int k = 0; k < perCategory[c]; k++, index++) {
                Rng rng = Rng.of(seed, "product", index);
                ProductMaker.Draft draft = maker.make(spec, rng);
                Item item = draft.item();
                int reviewCount = reviewCount(item, rng);
                List<Review> mine = new ArrayList<>(reviewCount);
                int starSum = 0;
                for (int r = 0; r < reviewCount; r++) {
                    Review review = reviewWriter.write(item, draft.id(), r + 1, rng);
                    starSum += review.stars();
                    mine.add(review);
                }
                double rating = Math.round(10.0 * starSum / reviewCount) / 10.0;
                Product product = draft.finish(rating, reviewCount);
                int qaCount = (int) Math.floor(options.questionsPerProduct() * Math.exp(0.6 * rng.gaussian() - 0.18)
                        + rng.unit());
                for (int q = 0; q < qaCount; q++) {
                    QaThread thread = qaWriter.write(item, product.id(), q + 1, rng);
                    if (thread != null) {
                        questions.add(thread);
                    }
                }
                items.add(item);
                products.add(product);
                reviews.addAll(mine);
                quality.put(product.id(), item.quality());
                byLeaf.computeIfAbsent(spec.leaf(), x -> new ArrayList<>()).add(product);
            }
        }

        GuideWriter guideWriter = new GuideWriter();
        List<BuyingGuide> guides = new ArrayList<>();
        for (CategorySpec spec : categories) {
            guides.add(guideWriter.category(spec, byLeaf.getOrDefault(spec.leaf(), List.of()),
                    Rng.of(seed, "guide", guides.size())));
        }
        for (TopicGuide topic : topics) {
            guides.add(guideWriter.topic(topic));
        }

        Shop shop = new Shop(items, topics);
        List<JudgedQuery> judged = judgedQueries(shop);
        List<EvalQuestion> eval = evalQuestions(shop);
        Corpus draft = new Corpus(products, reviews, questions, guides, judged, eval, "");
        ContentHash.Hashes hashes = ContentHash.both(draft);
        Corpus corpus = new Corpus(products, reviews, questions, guides, judged, eval, hashes.content(), hashes.training());
        return new Generated(corpus, quality);
    }

    /** Products per category in proportion to share, every category stocked when there is room. */
    private int[] allocate(int total) {
        double sum = categories.stream().mapToDouble(CategorySpec::share).sum();
        int[] counts = new int[categories.size()];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (int) Math.floor(total * categories.get(i).share() / sum);
            given += counts[i];
        }
        for (int i = 0; given < total; i = (i + 1) % counts.length) {
            counts[i]++;
            given++;
        }
        return counts;
    }

    /** Skewed like a real store: most products have a few reviews, popular good ones have many. */
    private int reviewCount(Item item, Rng rng) {
        double mean = options.reviewsPerProduct() * (0.7 + 0.6 * item.quality());
        double n = mean * Math.exp(0.75 * rng.gaussian() - 0.28);
        return (int) Math.max(1, Math.min(12 * options.reviewsPerProduct(), Math.round(n)));
    }

    /** Quality for the money: good products priced low in their range are the bargains. */
    private static double valueScore(Item item) {
        CategorySpec spec = item.spec();
        double position = (item.price() - spec.priceLo()) / Math.max(1, spec.priceHi() - spec.priceLo());
        return item.quality() - 0.6 * (position - 0.4);
    }

    private List<JudgedQuery> judgedQueries(Shop shop) {
        QueryJudge judge = new QueryJudge(shop);
        Splitter splitter = new Splitter(options.heldOutShare());
        Set<String> seen = new HashSet<>();
        List<JudgedQuery> out = new ArrayList<>();
        for (int attempt = 0; out.size() < options.judgedQueries() && attempt < options.judgedQueries() * 20; attempt++) {
            Rng rng = Rng.of(seed, "query", attempt);
            JudgedQuery q = judge.write(String.format(Locale.ROOT, "query-%05d", out.size() + 1), rng, seen, splitter);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    private List<EvalQuestion> evalQuestions(Shop shop) {
        QuestionWriter writer = new QuestionWriter(shop);
        Set<String> seen = new HashSet<>();
        List<EvalQuestion> out = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            Splitter splitter = new Splitter(options.heldOutShare());
            int made = 0;
            for (int attempt = 0; made < options.questionsPerIntent() && attempt < options.questionsPerIntent() * 30;
                 attempt++) {
                Rng rng = Rng.of(seed, "eval-" + intent, attempt);
                String id = String.format(Locale.ROOT, "%s-%04d", intent.name().toLowerCase(Locale.ROOT), made + 1);
                // The split is dealt only for a question that is kept, so both sides get the first ones.
                EvalQuestion probe = writer.write(intent, id, Split.TRAIN, rng);
                if (probe == null || !seen.add(probe.question().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                out.add(new EvalQuestion(probe.id(), probe.question(), intent, splitter.next(rng),
                        probe.productIds(), probe.facts()));
                made++;
            }
        }
        return out;
    }
}
