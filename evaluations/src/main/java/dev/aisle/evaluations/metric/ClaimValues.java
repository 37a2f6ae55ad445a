package dev.aisle.evaluations.metric;

/** Numeric comparisons shared by claims and catalogue checks. */
final class ClaimValues {

    private ClaimValues() {
    }

    static boolean equalMeasure(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
