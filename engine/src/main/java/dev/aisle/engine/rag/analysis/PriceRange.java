package dev.aisle.engine.rag.analysis;

/** Dollars; {@code max} is {@link Double#POSITIVE_INFINITY} when only a floor was asked for. */
public record PriceRange(double min, double max) {
    public PriceRange {
        if (min < 0 || Double.isNaN(min) || Double.isNaN(max) || max < min) {
            throw new IllegalArgumentException("price range must satisfy 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public static PriceRange atMost(double max) {
        return new PriceRange(0, max);
    }

    public static PriceRange atLeast(double min) {
        return new PriceRange(min, Double.POSITIVE_INFINITY);
    }

    public boolean contains(double price) {
        return price >= min && price <= max;
    }
}
