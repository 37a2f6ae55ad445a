package dev.aisle.engine.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks a token from a logits row: greedy, or temperature / top-k / top-p with a seeded generator.
 * Masked tokens carry -∞ logits and are never chosen. One sampler per sequence.
 */
public final class Sampler {

    private final SamplingParams params;
    private final SplittableRandom random;

    public Sampler(SamplingParams params) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    public int pick(float[] logits) {
        if (params.isGreedy()) {
            return argmax(logits);
        }
        int n = logits.length;
        Integer[] order = null;
        int keep = n;
        double max = logits[argmax(logits)];
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = logits[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp((logits[i] - max) / params.temperature());
            sum += p[i];
        }
        if (params.topK() > 0 || params.topP() < 1) {
            order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final double[] pp = p;
            Arrays.sort(order, (a, b) -> Double.compare(pp[b], pp[a]));
            if (params.topK() > 0) {
                keep = Math.min(keep, params.topK());
            }
            if (params.topP() < 1) {
                double acc = 0;
                for (int r = 0; r < keep; r++) {
                    acc += p[order[r]] / sum;
                    if (acc >= params.topP()) {
                        keep = r + 1;
                        break;
                    }
                }
            }
            double kept = 0;
            for (int r = 0; r < keep; r++) {
                kept += p[order[r]];
            }
            double u = random.nextDouble() * kept;
            for (int r = 0; r < keep; r++) {
                u -= p[order[r]];
                if (u <= 0) {
                    return order[r];
                }
            }
            return order[keep - 1];
        }
        double u = random.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0) {
                last = i;
                u -= p[i];
                if (u <= 0) {
                    return i;
                }
            }
        }
        return last;
    }

    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
