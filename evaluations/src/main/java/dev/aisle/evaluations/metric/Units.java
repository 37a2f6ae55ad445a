package dev.aisle.evaluations.metric;

import dev.aisle.engine.generate.MeasureUnits;

/**
 * Unit spellings a shopper or a model writes, mapped to one canonical spelling: the engine's
 * {@link MeasureUnits} table, so the claims checked here are the ones the grounded-number decoder guards.
 */
final class Units {

    private Units() {
    }

    /** "Inches" → "in"; unknown units are lower-cased and kept. */
    static String canonical(String unit) {
        return MeasureUnits.canonical(unit);
    }

    /** Every spelling that maps to {@code canonical}, including itself. */
    static java.util.List<String> spellings(String canonical) {
        return MeasureUnits.spellings(canonical);
    }

    static java.util.Set<String> defaultCanonical() {
        return MeasureUnits.commonCanonical();
    }
}
