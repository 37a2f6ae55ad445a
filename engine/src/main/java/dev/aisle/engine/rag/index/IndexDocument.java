package dev.aisle.engine.rag.index;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One document before it enters Lucene: searchable fields, filter values and the text that is
 * embedded (a representative, length-capped text, not necessarily all of {@code body}).
 *
 * @param ageMin -1 when the product states no age range
 * @param embed  whether the document gets a vector; the rest are found by keywords only
 */
public record IndexDocument(String id, IndexSchema.DocType type, String productId, String title, String brand,
                            String category, String attributes, String bullets, String text, String body,
                            OptionalDouble price, int ageMin, int ageMax, List<String> categoryPath,
                            String embedText, boolean embed) {
    public IndexDocument {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("index document id must not be blank");
        }
        categoryPath = List.copyOf(categoryPath);
    }

    public IndexDocument withEmbed(boolean e) {
        return new IndexDocument(id, type, productId, title, brand, category, attributes, bullets, text, body, price,
                ageMin, ageMax, categoryPath, embedText, e);
    }
}
