package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;
import dev.aisle.engine.rag.pack.TokenCounters;
import dev.aisle.engine.rag.pack.UntrustedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * How each kind of evidence item reads inside the prompt — the same text the retrieval index and
 * the store services produce at serving time (rag's CorpusDocuments bodies and
 * CatalogueStoreServices texts), cut to the packer's per-item budget, so that what the model is
 * trained on is what it is shown. Shopper-written text is neutralised with the packer's own rule.
 */
public final class EvidenceText {

    /** The evidence packer's default per-item budget (approximate tokens). */
    static final int MAX_ITEM_TOKENS = 90;
    private static final ToIntFunction<String> TOKENS = TokenCounters.approximate();

    private EvidenceText() {
    }

    public static String product(Product p) {
        StringBuilder attrs = new StringBuilder();
        for (Attribute a : p.attributes()) {
            attrs.append(a.name().replace('_', ' ')).append(' ').append(a.display()).append(". ");
        }
        String body = p.title() + ". " + String.join(" > ", p.categoryPath()) + ". $" + money(p.price())
                + ", " + p.rating() + " stars (" + p.reviewCount() + " reviews). " + attrs
                + String.join(". ", p.bullets()) + ". " + p.description();
        return clip(UntrustedText.neutralise(body));
    }

    public static String review(Review r) {
        String body = r.stars() + "/5 stars" + (r.verifiedPurchase() ? ", verified purchase" : "") + ": "
                + r.title() + ". " + r.text();
        return clip(UntrustedText.neutralise(body));
    }

    public static String qa(QaThread q) {
        List<Answer> answers = new ArrayList<>(q.answers());
        answers.sort((a, b) -> Integer.compare(b.helpfulVotes(), a.helpfulVotes()));
        StringBuilder text = new StringBuilder();
        for (Answer a : answers) {
            text.append(a.fromSeller() ? "Seller: " : "").append(a.text()).append(' ');
        }
        String body = "Q: " + q.question() + (answers.isEmpty() ? " (no answer yet)" : " A: " + text.toString().strip());
        return clip(UntrustedText.neutralise(body));
    }

    public static String guide(BuyingGuide g) {
        return clip(UntrustedText.neutralise(g.title() + ". " + String.join(" ", g.paragraphs())));
    }

    public static String price(ServiceQuote q) {
        int off = q.listPrice() > q.price() ? (int) Math.round(100 * (1 - q.price() / q.listPrice())) : 0;
        return "Price now $" + money(q.price()) + (off > 0 ? " (was $" + money(q.listPrice()) + ", " + off + "% off)." : ".");
    }

    public static String stock(ServiceQuote q) {
        if (q.inStock() == 0) {
            return "Out of stock; expected back in about " + q.restockDays() + " days.";
        }
        return q.inStock() <= 5 ? "Only " + q.inStock() + " left in stock." : "In stock (" + q.inStock() + " units).";
    }

    public static String delivery(ServiceQuote q) {
        if (q.inStock() == 0) {
            return "No delivery promise while out of stock.";
        }
        return "Delivery in " + q.deliveryDays() + " business day" + (q.deliveryDays() == 1 ? "" : "s")
                + (q.price() >= 35 ? ", free shipping." : ", shipping $5.99 (free from $35).");
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Cut at a word boundary to the per-item budget, as the packer does. */
    static String clip(String text) {
        String cut = text;
        while (TOKENS.applyAsInt(cut + "…") > MAX_ITEM_TOKENS && cut.length() > 1) {
            int target = Math.max(1, (int) (cut.length() * 0.9 * MAX_ITEM_TOKENS / TOKENS.applyAsInt(cut)));
            int space = cut.lastIndexOf(' ', Math.min(target, cut.length() - 1));
            cut = cut.substring(0, space > target / 2 ? space : Math.min(target, cut.length() - 1)).strip();
        }
        return cut.equals(text) ? text : cut + "…";
    }
}
