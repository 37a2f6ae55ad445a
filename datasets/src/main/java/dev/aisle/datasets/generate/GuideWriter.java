package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.TopicGuide;
import dev.aisle.datasets.guides.BuyingGuide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the store's buying guides: one per category (the shelf's advice, why each attribute
 * matters, and what the catalogue actually offers at which prices) and one per cross-category topic.
 */
final class GuideWriter {

    static String categoryGuideId(CategorySpec spec) {
        return "guide-" + slug(spec.leaf());
    }

    static String topicGuideId(TopicGuide topic) {
        return "topic-" + topic.slug();
    }

    BuyingGuide category(CategorySpec spec, List<Product> products, Rng rng) {
        Function<String, String> vars = key -> switch (key) {
            case "noun" -> spec.noun();
            case "category" -> spec.leaf();
            case "lcategory" -> spec.leaf().toLowerCase(Locale.ROOT);
            default -> null;
        };
        List<String> paragraphs = new ArrayList<>();
        List<String> guide = spec.guide();
        if (!guide.isEmpty()) {
            paragraphs.add(Phrase.expand(guide.get(0), rng, vars));
        }
        List<String> explained = new ArrayList<>();
        for (AttributeSpec a : spec.attributes()) {
            if (a.explain() != null) {
                explained.add(Phrase.expand(a.explain(), rng, vars));
            }
        }
        for (int from = 0; from < explained.size(); from += 3) {
            paragraphs.add(String.join(" ", explained.subList(from, Math.min(explained.size(), from + 3))));
        }
        for (int i = 1; i < guide.size(); i++) {
            paragraphs.add(Phrase.expand(guide.get(i), rng, vars));
        }
        if (!products.isEmpty()) {
            paragraphs.add(catalogueParagraph(spec, products));
        }
        String title = rng.pick("How to choose ", "Buying guide: ", "What to look for in ")
                + spec.leaf().toLowerCase(Locale.ROOT);
        return new BuyingGuide(categoryGuideId(spec), Phrase.capitalize(title), spec.path(), paragraphs);
    }

    BuyingGuide topic(TopicGuide topic) {
        return new BuyingGuide(topicGuideId(topic), topic.title(), topic.path(), topic.paragraphs());
    }

    /** Price spread and best-reviewed brands, computed from the catalogue so the guide stays true. */
    private static String catalogueParagraph(CategorySpec spec, List<Product> products) {
        double[] prices = products.stream().mapToDouble(Product::price).sorted().toArray();
        Map<String, double[]> byBrand = new LinkedHashMap<>();
        for (Product p : products) {
            double[] acc = byBrand.computeIfAbsent(p.brand(), b -> new double[2]);
            acc[0] += p.rating();
            acc[1]++;
        }
        List<String> top = byBrand.entrySet().stream()
                .filter(e -> e.getValue()[1] >= 2)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0] / e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "In our store, %s range from %s to %s, and most cost between %s and %s.",
                spec.leaf().toLowerCase(Locale.ROOT), Item.money(prices[0]), Item.money(prices[prices.length - 1]),
                Item.money(prices[prices.length / 4]), Item.money(prices[prices.length * 3 / 4])));
        if (top.size() >= 2) {
            s.append(" The best-reviewed brands on this shelf right now are ").append(joinAnd(top)).append('.');
        }
        return s.toString();
    }

    static String joinAnd(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
