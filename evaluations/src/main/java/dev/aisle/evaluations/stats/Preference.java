package dev.aisle.evaluations.stats;

import java.util.Locale;

/**
 * One pairwise human judgment: which of two systems' answers to the same question was better.
 *
 * @param systemA the system shown as A (a configuration or model name)
 * @param systemB the system shown as B
 */
public record Preference(String itemId, String systemA, String systemB, Outcome outcome) {

    public enum Outcome {
        A, B, TIE, BOTH_BAD;

        public static Outcome parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("preference outcome must be A, B, TIE or BOTH_BAD; got '" + s + "'");
            }
        }
    }

    public Preference {
        if (systemA == null || systemB == null || systemA.isBlank() || systemB.isBlank() || systemA.equals(systemB)) {
            throw new IllegalArgumentException("a preference needs two different systems, got '" + systemA + "' and '" + systemB + "'");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("preference on " + itemId + " has no outcome");
        }
    }

    /** 1 when {@code system} won, 0 when it lost, 0.5 for a tie or both bad. */
    public double scoreOf(String system) {
        return switch (outcome) {
            case A -> system.equals(systemA) ? 1 : 0;
            case B -> system.equals(systemB) ? 1 : 0;
            case TIE, BOTH_BAD -> 0.5;
        };
    }
}
