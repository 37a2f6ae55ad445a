package dev.aisle.evaluations.stats;

/**
 * B − A on one metric over the items both configurations define.
 *
 * @param n         paired items
 * @param meanA     mean of A on those items
 * @param meanB     mean of B on those items
 * @param difference mean of (B − A) with its bootstrap 95% interval
 */
public record MetricDifference(String metric, boolean higherIsBetter, int n, double meanA, double meanB,
                               Interval difference) {

    /** "B better", "A better" or "no clear difference" (the interval contains 0). */
    public String verdict() {
        if (n == 0 || !difference.excludesZero()) {
            return "no clear difference";
        }
        boolean bHigher = difference.estimate() > 0;
        return bHigher == higherIsBetter ? "B better" : "A better";
    }
}
