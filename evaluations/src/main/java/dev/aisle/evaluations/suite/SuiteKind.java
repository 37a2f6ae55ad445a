package dev.aisle.evaluations.suite;

import java.util.Locale;

/** What a suite item checks: the ranked products, the written answer, or behaviour under attack. */
public enum SuiteKind {
    RETRIEVAL, ANSWER, ADVERSARIAL;

    /** The spelling used in suite files: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SuiteKind parse(String text) {
        for (SuiteKind k : values()) {
            if (k.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of retrieval, answer, adversarial; got '" + text + "'");
    }
}
