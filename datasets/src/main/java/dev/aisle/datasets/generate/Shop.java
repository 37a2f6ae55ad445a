package dev.aisle.datasets.generate;

import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.TopicGuide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generated catalogue as the evaluation writers see it: items by category, with lookups. */
final class Shop {

    private final List<Item> items;
    private final Map<String, List<Item>> byLeaf = new LinkedHashMap<>();
    private final List<TopicGuide> topics;

    Shop(List<Item> items, List<TopicGuide> topics) {
        this.items = items;
        this.topics = topics;
        for (Item item : items) {
            byLeaf.computeIfAbsent(item.spec().leaf(), k -> new ArrayList<>()).add(item);
        }
    }

    List<Item> items() {
        return items;
    }

    List<Item> in(String leaf) {
        return byLeaf.getOrDefault(leaf, List.of());
    }

    List<TopicGuide> topics() {
        return topics;
    }

    /** A category picked in proportion to how many products it has. */
    CategorySpec anyCategory(Rng rng) {
        return rng.pick(items).spec();
    }

    /** Best first: rating, then review count, then id so ties stay deterministic. */
    static final Comparator<Item> BEST_RATED = Comparator
            .comparingDouble((Item i) -> -i.product().rating())
            .thenComparingInt(i -> -i.product().reviewCount())
            .thenComparing(i -> i.product().id());
}
