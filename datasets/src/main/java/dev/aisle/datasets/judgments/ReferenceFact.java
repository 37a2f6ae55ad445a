package dev.aisle.datasets.judgments;

/**
 * Something a correct answer states or respects, checkable against the catalogue:
 * {@code ("B0TRL001", "drop", "4 mm")}, {@code ("B0TRL001", "price", "129.99")},
 * or a constraint such as {@code ("*", "max_price", "50")}.
 */
public record ReferenceFact(String productId, String field, String value) {
}
