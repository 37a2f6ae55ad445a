package dev.aisle.datasets.guides;

import java.util.List;

/** Store-written advice for one category or activity ("what matters for cold-weather golf"). */
public record BuyingGuide(String id, String title, List<String> categoryPath, List<String> paragraphs) {

    public BuyingGuide {
        categoryPath = List.copyOf(categoryPath);
        paragraphs = List.copyOf(paragraphs);
    }
}
