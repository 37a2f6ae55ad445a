package dev.aisle.datasets.judgments;

/** Graded relevance as in public shopping-query datasets (E/S/C/I). */
public enum Relevance {
    EXACT('E', 3), SUBSTITUTE('S', 2), COMPLEMENT('C', 1), IRRELEVANT('I', 0);

    private final char code;
    private final int gain;

    Relevance(char code, int gain) {
        this.code = code;
        this.gain = gain;
    }

    public char code() {
        return code;
    }

    /** Gain used by nDCG. */
    public int gain() {
        return gain;
    }

    public static Relevance fromCode(String code) {
        if (code != null && code.length() == 1) {
            for (Relevance r : values()) {
                if (r.code == Character.toUpperCase(code.charAt(0))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("relevance label must be one of E, S, C, I; got '" + code + "'");
    }
}
