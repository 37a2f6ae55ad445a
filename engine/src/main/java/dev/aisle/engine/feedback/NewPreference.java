package dev.aisle.engine.feedback;

import java.util.OptionalLong;

/** A pairwise label to store: which of responses A and B is better (or a tie, or both bad). */
public record NewPreference(long responseA, long responseB, Verdict verdict, String annotator, String comment,
                            OptionalLong taskId) {

    public NewPreference(long responseA, long responseB, Verdict verdict, String annotator, String comment) {
        this(responseA, responseB, verdict, annotator, comment, OptionalLong.empty());
    }
}
