package dev.aisle.evaluations.stats;

import java.util.Arrays;

/** Mean and percentiles of a sample. */
public final class Summary {

    private Summary() {
    }

    public static double mean(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("mean of an empty sample");
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /**
     * The q-quantile (0..1) with linear interpolation between order statistics
     * (position q·(n−1) in the sorted sample), so p50 of {1,2,3,4} is 2.5.
     */
    public static double percentile(double[] xs, double q) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("percentile of an empty sample");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in [0,1], got " + q);
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
