package dev.aisle.app.workbench.service;

import java.util.Set;

/**
 * Where shoppers' and annotators' judgments go (the engine's feedback store). Calls may block on
 * the database: the ViewModels make them through their injected executor, never on the FX thread.
 */
public interface FeedbackSink {

    /** The reason tags offered next to thumbs, in display order. */
    Set<String> reasonTags();

    /**
     * A complete answer, recorded so later ratings, preferences and annotation tasks can refer to
     * it. Implementations may ignore it; the default does.
     */
    default void answered(dev.aisle.engine.trace.AnswerTrace trace, AssistantConfig config) {
    }

    /** A thumbs-up or -down on one answer, with optional reasons and comment. */
    void rate(Rating rating);

    /** A preference between two answers to the same question. */
    void prefer(Preference preference);

    /** Thumbs on an answer. */
    record Rating(String traceId, String question, String answer, boolean up, Set<String> reasons, String comment,
                  String annotator) {
        public Rating {
            if (traceId == null || traceId.isBlank()) {
                throw new IllegalArgumentException("rating needs the answer's trace id");
            }
            reasons = Set.copyOf(reasons);
            comment = comment == null ? "" : comment;
        }
    }

    /** A comparison verdict between two answers. */
    record Preference(String question, String traceA, String answerA, String configA, String traceB, String answerB,
                      String configB, Verdict verdict, String annotator) {
        public Preference {
            if (verdict == null) {
                throw new IllegalArgumentException("preference needs a verdict");
            }
        }
    }

    /** What the judge said about A against B. */
    enum Verdict {
        A_BETTER, B_BETTER, TIE, BOTH_BAD
    }
}
