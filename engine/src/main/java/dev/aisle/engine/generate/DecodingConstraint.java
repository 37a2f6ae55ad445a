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

    /** Every constraint at once: a token is allowed when each of them allows it. */
    static DecodingConstraint all(java.util.List<DecodingConstraint> constraints) {
        if (constraints.isEmpty()) {
            return NONE;
        }
        if (constraints.size() == 1) {
            return constraints.get(0);
        }
        return new DecodingConstraint() {
            @Override
            public void mask(float[] logits) {
                constraints.forEach(c -> c.mask(logits));
            }

            @Override
            public void accept(int tokenId) {
                constraints.forEach(c -> c.accept(tokenId));
            }
        };
    }

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
