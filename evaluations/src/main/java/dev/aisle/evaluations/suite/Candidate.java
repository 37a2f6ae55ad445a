package dev.aisle.evaluations.suite;

/**
 * A candidate evidence passage of a product-QA item, ranked by the system under test.
 *
 * @param id     unique within the item, e.g. {@code q7#3}
 * @param source review, attribute, cqa, description, bullet …
 */
public record Candidate(String id, String productId, String source, String text) {

    public Candidate {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("candidate id must not be blank");
        }
        productId = productId == null ? "" : productId;
        source = source == null ? "" : source;
        text = text == null ? "" : text;
    }
}
