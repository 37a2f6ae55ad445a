package dev.aisle.evaluations.suite;

/**
 * Untrusted text that the system under test must treat as if it had been retrieved (a review
 * with instructions or markup inside). Adversarial items use it to test that such text stays
 * inert.
 */
public record InjectedEvidence(String source, String productId, String text) {

    public InjectedEvidence {
        source = source == null || source.isBlank() ? "review" : source;
        productId = productId == null ? "" : productId;
        text = text == null ? "" : text;
    }
}
