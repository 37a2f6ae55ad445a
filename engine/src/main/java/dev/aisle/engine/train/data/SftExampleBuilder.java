package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.ReferenceFact;
import dev.aisle.datasets.judgments.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Builds the supervised fine-tuning set: every TRAIN evaluation question answered from the corpus'
 * ground truth, plus many more questions synthesized from the catalogue, evenly over the five
 * intents. HELD_OUT questions never enter, not even when a synthesized question happens to repeat
 * one word for word. Seeded: the same corpus and seed give the same examples.
 */
public final class SftExampleBuilder {

    private final Corpus corpus;
    private final TrainingSplit split;
    private final ShopIndex shop;
    private final GroundedExamples examples;

    public SftExampleBuilder(Corpus corpus) {
        this.corpus = corpus;
        this.split = new TrainingSplit(corpus);
        this.shop = new ShopIndex(corpus, split);
        this.examples = new GroundedExamples(shop);
    }

    /** TRAIN evaluation questions first, then {@code synthetic} synthesized examples. */
    public List<SftExample> build(int synthetic, long seed) {
        if (synthetic < 0) {
            throw new IllegalArgumentException("synthetic must be >= 0, got " + synthetic);
        }
        if (shop.products.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no trainable products");
        }
        Random r = new Random(seed);
        List<SftExample> out = new ArrayList<>();
        for (EvalQuestion q : corpus.evalQuestions()) {
            if (q.split() == Split.TRAIN) {
                fromEvalQuestion(q, r).ifPresent(out::add);
            }
        }
        Intent[] intents = Intent.values();
        for (int n = 0, attempts = 0; n < synthetic && attempts < synthetic * 3; attempts++) {
            Intent intent = intents[attempts % intents.length];
            Optional<SftExample> e = switch (intent) {
                case PRODUCT_DETAIL -> examples.syntheticDetail(n, r);
                case COMPARISON -> examples.syntheticComparison(n, r);
                case RECOMMENDATION -> examples.syntheticRecommendation(n, r);
                case ADVICE -> examples.syntheticAdvice(n, r);
                case STORE_SERVICE -> examples.syntheticService(n, r);
            };
            if (e.isPresent() && !split.isHeldOutQuestion(e.get().question())) {
                out.add(e.get());
                n++;
            }
        }
        return out;
    }

    Optional<SftExample> fromEvalQuestion(EvalQuestion q, Random r) {
        List<Product> ps = q.productIds().stream().map(shop.byId::get).filter(p -> p != null).toList();
        switch (q.intent()) {
            case PRODUCT_DETAIL -> {
                if (ps.isEmpty()) {
                    return Optional.empty();
                }
                Product p = ps.get(0);
                List<String> fields = q.facts().stream()
                        .filter(f -> f.productId().equals(p.id()))
                        .map(ReferenceFact::field)
                        .filter(f -> f.equals("price") || f.equals("rating") || p.attribute(f).isPresent())
                        .distinct().toList();
                return examples.detail(q.id(), q.question(), p, fields.isEmpty() ? List.of("price") : fields, r);
            }
            case COMPARISON -> {
                return examples.comparison(q.id(), q.question(), ps, r);
            }
            case RECOMMENDATION -> {
                if (ps.isEmpty()) {
                    return Optional.empty();
                }
                double maxPrice = q.facts().stream().filter(f -> f.field().equals("max_price"))
                        .mapToDouble(f -> parse(f.value())).findFirst().orElse(0);
                List<Product> candidates = new ArrayList<>(ps.subList(0, Math.min(ps.size(), 4)));
                // Retrieval also brings products that do not qualify; the answer must leave them out.
                shop.sameCategory(ps.get(0)).stream().filter(p -> !candidates.contains(p)).limit(2).forEach(candidates::add);
                return examples.recommendation(q.id(), q.question(), candidates, maxPrice, r);
            }
            case ADVICE -> {
                List<String> path = ps.isEmpty() ? List.of() : ps.get(0).categoryPath();
                return shop.guideFor(path, r).flatMap(g -> examples.advice(q.id(), q.question(), g, ps, r));
            }
            case STORE_SERVICE -> {
                if (ps.isEmpty()) {
                    return Optional.empty();
                }
                String text = q.question().toLowerCase(Locale.ROOT);
                String aspect = text.contains("deliver") || text.contains("arrive") || text.contains("ship")
                        ? "delivery" : text.contains("price") || text.contains("cost") || text.contains("how much")
                        ? "price" : "stock";
                return examples.service(q.id(), q.question(), ps.get(0), aspect, r);
            }
            default -> throw new IllegalStateException("unknown intent " + q.intent());
        }
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.replace("$", "").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
