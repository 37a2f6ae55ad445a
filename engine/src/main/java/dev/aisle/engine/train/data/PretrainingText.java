package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the corpus into pretraining documents: catalogue pages, reviews, Q&amp;A threads and buying
 * guides, each rendered the way a shopper reads it on the store's pages. The loops separate
 * documents with the END token.
 */
public final class PretrainingText {

    private final Corpus corpus;
    private final TrainingSplit split;
    private final Map<String, Product> products = new HashMap<>();

    public PretrainingText(Corpus corpus) {
        this.corpus = corpus;
        this.split = new TrainingSplit(corpus);
        corpus.products().forEach(p -> products.put(p.id(), p));
    }

    /** Documents training may use. */
    public List<TrainingDocument> training() {
        return documents(false);
    }

    /** Documents kept out of training, on which held-out perplexity is measured. */
    public List<TrainingDocument> heldOut() {
        return documents(true);
    }

    private List<TrainingDocument> documents(boolean heldOut) {
        List<TrainingDocument> out = new ArrayList<>();
        for (Product p : corpus.products()) {
            add(out, heldOut, new TrainingDocument(p.id(), TextSource.CATALOGUE, productPage(p)));
        }
        for (Review r : corpus.reviews()) {
            add(out, heldOut, new TrainingDocument(r.id(), TextSource.REVIEWS, review(r)));
        }
        for (QaThread q : corpus.questions()) {
            if (split.isHeldOutQuestion(q.question())) {
                continue; // never trained on, never used for perplexity either: it is evaluation material
            }
            add(out, heldOut, new TrainingDocument(q.id(), TextSource.QA, qa(q)));
        }
        for (BuyingGuide g : corpus.guides()) {
            add(out, heldOut, new TrainingDocument(g.id(), TextSource.GUIDES, guide(g)));
        }
        return out;
    }

    private void add(List<TrainingDocument> out, boolean heldOut, TrainingDocument d) {
        if (split.isPerplexityHoldout(d.id()) == heldOut) {
            out.add(d);
        }
    }

    static String productPage(Product p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.title()).append('\n');
        sb.append("Brand: ").append(p.brand()).append(" | Category: ").append(String.join(" > ", p.categoryPath()))
                .append(" | Item ").append(p.id()).append('\n');
        sb.append("Price: ").append(ShopText.price(p.price()));
        if (p.listPrice() > p.price()) {
            sb.append(" (list price ").append(ShopText.price(p.listPrice())).append(')');
        }
        sb.append(" | Rating: ").append(ShopText.rating(p.rating())).append(" out of 5 (")
                .append(p.reviewCount()).append(" reviews)\n");
        if (!p.attributes().isEmpty()) {
            sb.append("Specifications: ").append(ShopText.attributes(p)).append('\n');
        }
        if (!p.bullets().isEmpty()) {
            sb.append("About this item:\n");
            p.bullets().forEach(b -> sb.append("- ").append(b).append('\n'));
        }
        if (p.description() != null && !p.description().isBlank()) {
            sb.append(p.description().strip());
        }
        return sb.toString().strip();
    }

    String review(Review r) {
        Product p = products.get(r.productId());
        String about = p == null ? r.productId() : p.title() + " (" + r.productId() + ")";
        StringBuilder sb = new StringBuilder();
        sb.append("Review of ").append(about).append('\n');
        sb.append(r.stars()).append(" out of 5 stars: ").append(r.title()).append('\n');
        sb.append(r.text().strip()).append('\n');
        sb.append(r.verifiedPurchase() ? "Verified purchase" : "Unverified");
        if (r.helpfulVotes() > 0) {
            sb.append(" | ").append(r.helpfulVotes()).append(" people found this helpful");
        }
        return sb.toString();
    }

    String qa(QaThread q) {
        Product p = products.get(q.productId());
        String about = p == null ? q.productId() : p.title() + " (" + q.productId() + ")";
        StringBuilder sb = new StringBuilder();
        sb.append("Question about ").append(about).append('\n');
        sb.append("Q: ").append(q.question().strip());
        if (q.answers().isEmpty()) {
            sb.append("\nNo answers yet.");
        }
        for (Answer a : q.answers()) {
            sb.append("\nA").append(a.fromSeller() ? " (seller)" : "").append(": ").append(a.text().strip());
        }
        return sb.toString();
    }

    static String guide(BuyingGuide g) {
        StringBuilder sb = new StringBuilder();
        sb.append(g.title()).append('\n');
        sb.append("Buying guide | ").append(String.join(" > ", g.categoryPath())).append('\n');
        sb.append(String.join("\n\n", g.paragraphs()));
        return sb.toString();
    }
}
