package dev.aisle.engine.serving.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks one token from a row of logits: greedy, or temperature with top-k and top-p. One sampler
 * per sequence, holding that sequence's random stream.
 */
public final class Sampler {

    private final SamplingParams params;
    private final SplittableRandom random;

    public Sampler(SamplingParams params) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    public int next(float[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must be a non-empty row");
        }
        if (params.greedy()) {
            return argMax(logits);
        }
        int n = logits.length;
        Integer[] order = null;
        int keep = n;
        if (params.topK() > 0 && params.topK() < n) {
            keep = params.topK();
        }
        // Sorting is only needed when top-k/top-p cut the distribution.
        if (keep < n || params.topP() < 1) {
            order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        }
        double max = logits[argMax(logits)];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            int id = order == null ? i : order[i];
            p[i] = Math.exp((logits[id] - max) / params.temperature());
            sum += p[i];
        }
        if (params.topP() < 1) {
            double cum = 0;
            int cut = keep;
            for (int i = 0; i < keep; i++) {
                cum += p[i] / sum;
                if (cum >= params.topP()) {
                    cut = i + 1;
                    break;
                }
            }
            keep = cut;
            sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += p[i];
            }
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < keep; i++) {
            u -= p[i];
            if (u <= 0) {
                return order == null ? i : order[i];
            }
        }
        return order == null ? keep - 1 : order[keep - 1];
    }

    /** Lowest index among equal maxima, so ties break the same way everywhere. */
    public static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
