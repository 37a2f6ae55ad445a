package dev.aisle.engine.rag.analysis;

/** Ages in years, inclusive: "for my 5 yo" is 5..5, "ages 3-5" is 3..5, "8+" is 8..99. */
public record AgeRange(int min, int max) {
    public static final int OPEN = 99;

    public AgeRange {
        if (min < 0 || max < min || max > OPEN) {
            throw new IllegalArgumentException("age range must satisfy 0 <= min <= max <= 99, got " + min + ".." + max);
        }
    }

    public static AgeRange exactly(int age) {
        return new AgeRange(age, age);
    }

    /** Whether a product for ages lo..hi suits a child of this range (the ranges overlap). */
    public boolean fits(int lo, int hi) {
        return lo <= max && hi >= min;
    }
}
