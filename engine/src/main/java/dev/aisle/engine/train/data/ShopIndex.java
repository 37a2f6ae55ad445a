package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Lookups over the trainable part of the corpus, used to draft evidence: products by id and by
 * leaf category, reviews and answered questions per product, guides per category. Documents held
 * out for perplexity and Q&amp;A that repeats a held-out evaluation question are left out.
 */
final class ShopIndex {

    final List<Product> products = new ArrayList<>();
    final Map<String, Product> byId = new HashMap<>();
    final Map<String, List<Product>> byCategory = new HashMap<>();
    final List<String> categories = new ArrayList<>();
    final Map<String, List<Review>> reviews = new HashMap<>();
    final Map<String, List<QaThread>> questions = new HashMap<>();
    final List<BuyingGuide> guides = new ArrayList<>();
    final Map<String, List<BuyingGuide>> guidesByCategory = new HashMap<>();
    final Map<String, List<BuyingGuide>> guidesByDepartment = new HashMap<>();
    final List<Review> allReviews = new ArrayList<>();

    ShopIndex(Corpus corpus, TrainingSplit split) {
        for (Product p : corpus.products()) {
            if (split.isPerplexityHoldout(p.id())) {
                continue;
            }
            products.add(p);
            byId.put(p.id(), p);
            byCategory.computeIfAbsent(ShopText.categoryPath(p.categoryPath()), k -> {
                categories.add(k);
                return new ArrayList<>();
            }).add(p);
        }
        for (Review r : corpus.reviews()) {
            if (!split.isPerplexityHoldout(r.id()) && byId.containsKey(r.productId())) {
                reviews.computeIfAbsent(r.productId(), k -> new ArrayList<>()).add(r);
                allReviews.add(r);
            }
        }
        for (QaThread q : corpus.questions()) {
            if (q.answered() && !split.isPerplexityHoldout(q.id()) && !split.isHeldOutQuestion(q.question())
                    && byId.containsKey(q.productId())) {
                questions.computeIfAbsent(q.productId(), k -> new ArrayList<>()).add(q);
            }
        }
        for (BuyingGuide g : corpus.guides()) {
            if (split.isPerplexityHoldout(g.id()) || g.paragraphs().isEmpty()) {
                continue;
            }
            guides.add(g);
            guidesByCategory.computeIfAbsent(ShopText.categoryPath(g.categoryPath()), k -> new ArrayList<>()).add(g);
            if (!g.categoryPath().isEmpty()) {
                guidesByDepartment.computeIfAbsent(g.categoryPath().get(0), k -> new ArrayList<>()).add(g);
            }
        }
    }

    List<Product> sameCategory(Product p) {
        return byCategory.getOrDefault(ShopText.categoryPath(p.categoryPath()), List.of());
    }

    /** The most specific guide for a product's category, falling back to its department. */
    Optional<BuyingGuide> guideFor(List<String> categoryPath, Random random) {
        for (int n = categoryPath.size(); n >= 1; n--) {
            List<BuyingGuide> gs = guidesByCategory.get(ShopText.categoryPath(categoryPath.subList(0, n)));
            if (gs != null && !gs.isEmpty()) {
                return Optional.of(gs.get(random.nextInt(gs.size())));
            }
        }
        List<BuyingGuide> dept = categoryPath.isEmpty() ? null : guidesByDepartment.get(categoryPath.get(0));
        return dept == null || dept.isEmpty() ? Optional.empty() : Optional.of(dept.get(random.nextInt(dept.size())));
    }

    <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    // --- evidence helpers: each returns the key of the item it added ---

    String addProduct(EvidenceDraft d, Product p) {
        String key = "product:" + p.id();
        d.add(key, "product", p.id(), EvidenceText.product(p));
        return key;
    }

    Optional<String> addReview(EvidenceDraft d, Product p, Random random) {
        List<Review> rs = reviews.get(p.id());
        if (rs == null || rs.isEmpty()) {
            return Optional.empty();
        }
        Review r = pick(rs, random);
        String key = "review:" + r.id();
        d.add(key, "review", p.id(), EvidenceText.review(r));
        return Optional.of(key);
    }

    Optional<String> addQa(EvidenceDraft d, Product p, Random random) {
        List<QaThread> qs = questions.get(p.id());
        if (qs == null || qs.isEmpty()) {
            return Optional.empty();
        }
        QaThread q = pick(qs, random);
        String key = "qa:" + q.id();
        d.add(key, "qa", p.id(), EvidenceText.qa(q));
        return Optional.of(key);
    }

    String addGuide(EvidenceDraft d, BuyingGuide g) {
        String key = "guide:" + g.id();
        d.add(key, "guide", "", EvidenceText.guide(g));
        return key;
    }

    /** The three store-service lines (price, stock, delivery) as serving adds them; returns their keys in that order. */
    String[] addServices(EvidenceDraft d, Product p, ServiceQuote q) {
        String[] keys = {"service:price:" + p.id(), "service:stock:" + p.id(), "service:delivery:" + p.id()};
        d.add(keys[0], "service", p.id(), EvidenceText.price(q));
        d.add(keys[1], "service", p.id(), EvidenceText.stock(q));
        d.add(keys[2], "service", p.id(), EvidenceText.delivery(q));
        return keys;
    }

    /**
     * Fills the evidence up to {@code target} items with distractors: other products of the same
     * category, reviews of other products and an unrelated guide paragraph, the way a real
     * retrieval result is never all relevant.
     */
    void addDistractors(EvidenceDraft d, List<Product> neighbours, int target, Random random) {
        int guard = 0;
        while (d.size() < target && guard++ < 40) {
            int kind = random.nextInt(10);
            if (kind < 5 && !neighbours.isEmpty()) {
                addProduct(d, pick(neighbours, random));
            } else if (kind < 8 && !allReviews.isEmpty()) {
                Review r = pick(allReviews, random);
                d.add("review:" + r.id(), "review", r.productId(), EvidenceText.review(r));
            } else if (!guides.isEmpty()) {
                addGuide(d, pick(guides, random));
            } else if (!products.isEmpty()) {
                addProduct(d, pick(products, random));
            }
        }
    }

    ServiceQuote quote(Product p, Random random) {
        int stock = random.nextInt(100) < 15 ? 0 : 1 + random.nextInt(40);
        return new ServiceQuote(p.price(), p.listPrice(), stock, 3 + random.nextInt(12), 1 + random.nextInt(5));
    }
}
