package dev.aisle.evaluations.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded percentile bootstrap: resample the units with replacement {@code resamples} times,
 * recompute the statistic, and take the 2.5th and 97.5th percentiles. Same seed, same interval.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;

    private final long seed;
    private final int resamples;

    public Bootstrap(long seed, int resamples) {
        if (resamples < 10) {
            throw new IllegalArgumentException("resamples must be >= 10, got " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    public int resamples() {
        return resamples;
    }

    /** Interval of the mean of {@code xs}. */
    public Interval mean(double[] xs) {
        double[] boot = new double[resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < xs.length; i++) {
                s += xs[rng.nextInt(xs.length)];
            }
            boot[r] = s / xs.length;
        }
        return new Interval(Summary.mean(xs), Summary.percentile(boot, 0.025), Summary.percentile(boot, 0.975));
    }

    /**
     * Interval of any statistic of {@code n} units: {@code statistic} receives resampled unit
     * indices (length n) and returns the statistic; the estimate is the statistic of the original.
     */
    public Interval of(int n, ToDoubleFunction<int[]> statistic) {
        if (n <= 0) {
            throw new IllegalArgumentException("bootstrap needs at least one unit, got " + n);
        }
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        double estimate = statistic.applyAsDouble(identity);
        double[] boot = new double[resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            boot[r] = statistic.applyAsDouble(idx);
        }
        return new Interval(estimate, Summary.percentile(boot, 0.025), Summary.percentile(boot, 0.975));
    }

    /** Like {@link #of} for a statistic with several components, each with its own interval. */
    public Interval[] ofVector(int n, java.util.function.Function<int[], double[]> statistic) {
        if (n <= 0) {
            throw new IllegalArgumentException("bootstrap needs at least one unit, got " + n);
        }
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        double[] estimate = statistic.apply(identity);
        double[][] boot = new double[estimate.length][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            double[] v = statistic.apply(idx);
            for (int c = 0; c < v.length; c++) {
                boot[c][r] = v[c];
            }
        }
        Interval[] out = new Interval[estimate.length];
        for (int c = 0; c < estimate.length; c++) {
            out[c] = new Interval(estimate[c], Summary.percentile(boot[c], 0.025), Summary.percentile(boot[c], 0.975));
        }
        return out;
    }
}
