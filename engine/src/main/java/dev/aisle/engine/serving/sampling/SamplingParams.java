package dev.aisle.engine.serving.sampling;

/**
 * How the next token is picked from the logits.
 *
 * @param temperature 0 means greedy (arg-max); otherwise logits are divided by it
 * @param topK        keep only the k most likely tokens; 0 keeps all
 * @param topP        keep the smallest set whose probability reaches p; 1 keeps all
 * @param seed        seed of the request's own random stream, so a seeded request gives the same
 *                    tokens whatever else is in the batch
 */
public record SamplingParams(double temperature, int topK, double topP, long seed) {

    public static final SamplingParams GREEDY = new SamplingParams(0, 0, 1, 0);

    public SamplingParams {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
    }

    public boolean greedy() {
        return temperature == 0;
    }
}
