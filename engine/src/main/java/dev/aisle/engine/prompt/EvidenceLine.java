package dev.aisle.engine.prompt;

/**
 * One numbered evidence item as it enters the prompt.
 *
 * @param label     "E1", "E2", … — what {@code <cite ref="E1"/>} points at
 * @param source    "product", "review", "qa", "guide", "service" or a plugin source name
 * @param productId the product the item is about, or "" for guides
 * @param text      already neutralised: untrusted text has had markup made inert
 */
public record EvidenceLine(String label, String source, String productId, String text) {
}
