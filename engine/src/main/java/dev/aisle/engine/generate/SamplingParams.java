package dev.aisle.engine.generate;

/**
 * How the next token is chosen.
 *
 * @param temperature 0 for greedy; otherwise logits are divided by it
 * @param topK        keep the k most likely tokens; 0 keeps all
 * @param topP        keep the smallest set whose probability reaches p; 1 keeps all
 * @param seed        seeds the random draw, so a sampled answer is reproducible
 */
public record SamplingParams(double temperature, int topK, double topP, long seed) {

    public SamplingParams {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
    }

    public static SamplingParams greedy() {
        return new SamplingParams(0, 0, 1, 0);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
