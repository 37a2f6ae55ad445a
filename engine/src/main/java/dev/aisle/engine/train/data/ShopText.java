package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.Locale;
import java.util.stream.Collectors;

/** How prices, ratings and attributes read, the same way in pretraining text, evidence and answers. */
public final class ShopText {

    private ShopText() {
    }

    public static String price(double dollars) {
        return String.format(Locale.ROOT, "$%.2f", dollars);
    }

    public static String rating(double stars) {
        return String.format(Locale.ROOT, "%.1f", stars);
    }

    /** "drop: 8 mm; waterproof: yes". */
    public static String attributes(Product p) {
        return p.attributes().stream().map(a -> a.name() + ": " + a.display()).collect(Collectors.joining("; "));
    }

    public static String attribute(Attribute a) {
        return a.name() + " " + a.display();
    }

    /** The in-store category path as used by {@code <link to="category:PATH">}: "Sports/Golf/Golf Gloves". */
    public static String categoryPath(java.util.List<String> path) {
        return String.join("/", path);
    }

    /** Shopper text is cut at a word boundary so evidence stays short. */
    public static String clip(String text, int maxChars) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= maxChars) {
            return t;
        }
        int cut = t.lastIndexOf(' ', maxChars);
        return t.substring(0, cut > maxChars / 2 ? cut : maxChars) + "…";
    }
}
