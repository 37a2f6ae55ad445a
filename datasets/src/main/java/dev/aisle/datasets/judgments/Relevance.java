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

    /** Gain used by nDCG in the evaluation of imported ESCI-style judgments (3/2/1/0). */
    public int gain() {
        return gain;
    }

    /**
     * Graded relevance on the 0–2 scale of product-QA labels: 2 Exact (meets every wish of the query),
     * 1 Substitute (the right kind of product, or a stand-in, that breaks a wish), 0 Complement and
     * Irrelevant (not what was searched for). Retrieval metrics count grade 2 as relevant.
     */
    public int grade() {
        return switch (this) {
            case EXACT -> 2;
            case SUBSTITUTE -> 1;
            case COMPLEMENT, IRRELEVANT -> 0;
        };
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
