package dev.aisle.engine.feedback;

/** An annotator's verdict on a pair of responses shown side by side as A and B. */
public enum Verdict {
    A, B, TIE, BOTH_BAD;

    public static Verdict parse(String s) {
        for (Verdict v : values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new FeedbackException("verdict must be one of A, B, TIE, BOTH_BAD, got '" + s + "'");
    }
}
