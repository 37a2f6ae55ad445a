package dev.aisle.engine.generate;

/**
 * Restricts which tokens may come next. Stateful per sequence: {@link #mask} before sampling,
 * {@link #accept} with the chosen token.
 */
public interface DecodingConstraint {

    /** Sets the logits of forbidden tokens to -∞. */
    void mask(float[] logits);

    /** Advances the constraint's state past the chosen token. */
    void accept(int tokenId);

    /** No restriction. */
    DecodingConstraint NONE = new DecodingConstraint() {
        @Override
        public void mask(float[] logits) {
        }

        @Override
        public void accept(int tokenId) {
        }
    };
}
