package dev.aisle.engine.serving.metrics;

import java.util.Arrays;

/** p50/p90/p99 (nearest rank) and mean of one latency figure; NaN when there is no sample. */
public record Percentiles(double p50, double p90, double p99, double mean, int count) {

    public static final Percentiles EMPTY = new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    /** Ignores NaN samples (e.g. TPOT of one-token answers). */
    public static Percentiles of(double[] samples) {
        double[] v = Arrays.stream(samples).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return EMPTY;
        }
        return new Percentiles(rank(v, 0.50), rank(v, 0.90), rank(v, 0.99), Arrays.stream(v).average().orElse(Double.NaN),
                v.length);
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
