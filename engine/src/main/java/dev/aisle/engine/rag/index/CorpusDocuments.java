package dev.aisle.engine.rag.index;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a corpus into index documents. Reviews and Q&amp;A carry their product's filter values
 * (price, age range, category, brand) so that a hard filter removes a product's reviews with it.
 */
public final class CorpusDocuments {

    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(?:-|to|\u2013)\\s*(\\d+)|(\\d+)\\s*\\+|(\\d+)\\s*(?:and up|or older)");

    private CorpusDocuments() {
    }

    /**
     * @param embeddedReviewsPerProduct how many reviews of each product get a vector (the most
     *                                  helpful, then verified, then longest); the rest are keyword-only
     */
    public static List<IndexDocument> of(Corpus corpus, int embeddedReviewsPerProduct) {
        if (embeddedReviewsPerProduct < 0) {
            throw new IllegalArgumentException("embeddedReviewsPerProduct must be >= 0, got " + embeddedReviewsPerProduct);
        }
        Map<String, Product> products = new HashMap<>();
        List<IndexDocument> docs = new ArrayList<>(corpus.products().size() + corpus.reviews().size()
                + corpus.questions().size() + corpus.guides().size());
        for (Product p : corpus.products()) {
            if (products.put(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate product id " + p.id() + " in the corpus");
            }
            docs.add(product(p));
        }
        Map<String, List<Review>> reviewsByProduct = new HashMap<>();
        for (Review r : corpus.reviews()) {
            owner(products, r.productId(), "review " + r.id());
            reviewsByProduct.computeIfAbsent(r.productId(), k -> new ArrayList<>()).add(r);
        }
        java.util.Set<String> embedded = new java.util.HashSet<>();
        reviewsByProduct.values().forEach(rs -> representativeReviews(rs, embeddedReviewsPerProduct)
                .forEach(r -> embedded.add(r.id())));
        for (Review r : corpus.reviews()) {
            docs.add(review(r, products.get(r.productId())).withEmbed(embedded.contains(r.id())));
        }
        for (QaThread q : corpus.questions()) {
            docs.add(qa(q, owner(products, q.productId(), "question " + q.id())));
        }
        for (BuyingGuide g : corpus.guides()) {
            docs.add(guide(g));
        }
        return docs;
    }

    /**
     * The reviews that speak for a product in the vector space: shoppers voted them helpful, so they
     * are the ones most likely to carry the experience a question asks about.
     */
    static List<Review> representativeReviews(List<Review> reviews, int n) {
        return reviews.stream()
                .sorted(java.util.Comparator.comparingInt(Review::helpfulVotes).reversed()
                        .thenComparing(Review::verifiedPurchase, java.util.Comparator.reverseOrder())
                        .thenComparing(r -> -r.text().length())
                        .thenComparing(Review::id))
                .limit(n).toList();
    }

    private static Product owner(Map<String, Product> products, String id, String what) {
        Product p = products.get(id);
        if (p == null) {
            throw new IllegalArgumentException(what + " refers to unknown product " + id);
        }
        return p;
    }

    static IndexDocument product(Product p) {
        StringBuilder attrs = new StringBuilder();
        for (Attribute a : p.attributes()) {
            attrs.append(a.name().replace('_', ' ')).append(' ').append(a.display()).append(". ");
        }
        String bullets = String.join(". ", p.bullets());
        String category = String.join(" > ", p.categoryPath());
        String body = p.title() + ". " + category + ". $" + String.format(Locale.ROOT, "%.2f", p.price())
                + ", " + p.rating() + " stars (" + p.reviewCount() + " reviews). " + attrs + bullets + ". " + p.description();
        String embed = p.title() + ". " + p.category() + ". " + attrs + bullets;
        int[] age = ageRange(p);
        return new IndexDocument("product:" + p.id(), IndexSchema.DocType.PRODUCT, p.id(), p.title(), p.brand(),
                category, attrs.toString().strip(), bullets, p.description(), body, OptionalDouble.of(p.price()),
                age[0], age[1], p.categoryPath(), embed, true);
    }

    static IndexDocument review(Review r, Product p) {
        int[] age = ageRange(p);
        String body = r.stars() + "/5 stars" + (r.verifiedPurchase() ? ", verified purchase" : "") + ": "
                + r.title() + ". " + r.text();
        return new IndexDocument("review:" + r.id(), IndexSchema.DocType.REVIEW, p.id(), r.title(), "", "", "", "",
                r.text(), body, OptionalDouble.of(p.price()), age[0], age[1], p.categoryPath(),
                r.title() + ". " + r.text(), true);
    }

    static IndexDocument qa(QaThread q, Product p) {
        int[] age = ageRange(p);
        List<Answer> answers = new ArrayList<>(q.answers());
        answers.sort((a, b) -> Integer.compare(b.helpfulVotes(), a.helpfulVotes()));
        StringBuilder text = new StringBuilder();
        for (Answer a : answers) {
            text.append(a.fromSeller() ? "Seller: " : "").append(a.text()).append(' ');
        }
        String body = "Q: " + q.question() + (answers.isEmpty() ? " (no answer yet)" : " A: " + text.toString().strip());
        String embed = q.question() + (answers.isEmpty() ? "" : " " + answers.get(0).text());
        return new IndexDocument("qa:" + q.id(), IndexSchema.DocType.QA, p.id(), q.question(), "", "", "", "",
                text.toString().strip(), body, OptionalDouble.of(p.price()), age[0], age[1], p.categoryPath(), embed, true);
    }

    static IndexDocument guide(BuyingGuide g) {
        String text = String.join(" ", g.paragraphs());
        return new IndexDocument("guide:" + g.id(), IndexSchema.DocType.GUIDE, "", g.title(), "",
                String.join(" > ", g.categoryPath()), "", "", text, g.title() + ". " + text, OptionalDouble.empty(),
                -1, -1, g.categoryPath(), g.title() + ". " + text, true);
    }

    /** The product's stated age range from an attribute whose name mentions age, or {-1, -1}. */
    public static int[] ageRange(Product p) {
        for (Attribute a : p.attributes()) {
            String name = a.name().toLowerCase(Locale.ROOT);
            if (!name.matches(".*\\bages?\\b.*")) {
                continue;
            }
            String v = a.value().toLowerCase(Locale.ROOT);
            boolean months = a.unit().toLowerCase(Locale.ROOT).startsWith("month") || v.contains("month");
            Matcher m = AGE.matcher(v);
            int lo;
            int hi;
            if (m.find()) {
                if (m.group(1) != null) {
                    lo = Integer.parseInt(m.group(1));
                    hi = Integer.parseInt(m.group(2));
                } else {
                    lo = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(4));
                    hi = 99;
                }
            } else if (a.number().isPresent()) {
                lo = (int) a.number().getAsDouble();
                hi = name.contains("max") ? lo : 99;
                if (name.contains("max")) {
                    lo = 0;
                }
            } else {
                continue;
            }
            if (months) {
                lo = lo / 12;
                hi = hi == 99 ? 99 : Math.max(lo, hi / 12);
            }
            return new int[]{lo, hi};
        }
        return new int[]{-1, -1};
    }
}
