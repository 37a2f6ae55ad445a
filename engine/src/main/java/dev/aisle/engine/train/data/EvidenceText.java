package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

/**
 * How each kind of evidence item reads inside the prompt, one line each. Shopper-written text is
 * neutralised (angle brackets replaced) so that markup typed into a review can never look like the
 * model's own markup, neither in training nor in serving.
 */
public final class EvidenceText {

    private EvidenceText() {
    }

    public static String product(Product p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.title()).append(" by ").append(p.brand())
                .append("; category ").append(p.category())
                .append("; price ").append(ShopText.price(p.price()));
        if (p.listPrice() > p.price()) {
            sb.append(" (was ").append(ShopText.price(p.listPrice())).append(')');
        }
        sb.append("; rating ").append(ShopText.rating(p.rating())).append(" (").append(p.reviewCount()).append(" reviews)");
        if (!p.attributes().isEmpty()) {
            sb.append("; ").append(ShopText.attributes(p));
        }
        return sb.toString();
    }

    public static String review(Review r) {
        return r.stars() + "/5 stars \"" + neutralise(ShopText.clip(r.title(), 80)) + "\" "
                + neutralise(ShopText.clip(r.text(), 160));
    }

    public static String qa(QaThread q) {
        String answer = q.answers().isEmpty() ? "no answer yet" : ShopText.clip(q.answers().get(0).text(), 160);
        return "Q: " + neutralise(ShopText.clip(q.question(), 160)) + " A: " + neutralise(answer);
    }

    public static String guide(BuyingGuide g, int paragraph) {
        return g.title() + ": " + ShopText.clip(g.paragraphs().get(paragraph), 280);
    }

    /** The store services' answer for one product: price, stock and delivery. */
    public static String service(Product p, ServiceQuote q) {
        String stock = q.inStock() == 0 ? "out of stock" : "in stock (" + q.inStock() + " left)";
        return p.title() + ": price " + ShopText.price(q.price()) + "; " + stock
                + "; delivery in " + q.deliveryDays() + (q.deliveryDays() == 1 ? " day" : " days");
    }

    /** Makes markup in untrusted text inert. */
    public static String neutralise(String untrusted) {
        return untrusted.replace('<', '‹').replace('>', '›');
    }
}
