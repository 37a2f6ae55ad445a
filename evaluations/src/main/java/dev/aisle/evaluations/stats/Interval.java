package dev.aisle.evaluations.stats;

/** An estimate with a 95% interval. */
public record Interval(double estimate, double low, double high) {

    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
