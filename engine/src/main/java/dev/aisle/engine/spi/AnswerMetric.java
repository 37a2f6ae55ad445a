package dev.aisle.engine.spi;

import java.util.List;

/**
 * A per-answer evaluation metric a plugin adds to {@code aisle eval}: reading level, tone, a
 * store's own style rules … The evaluation runner calls {@link #score} once per answered item and
 * reports the mean over the items where it applies. A metric that throws or returns an infinite
 * value is recorded as failed for that item; the run goes on.
 */
public interface AnswerMetric {

    /** The version of this interface that the engine implements. */
    int API_VERSION = 1;

    /** The interface version the implementation was written against; the engine accepts only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** Stable name used in results and reports ("reading_level"): lower case, digits and '_'. */
    String name();

    /** What the value means and when it is undefined, one or two sentences (goes into docs/metrics.md). */
    String description();

    /** True when larger values are better. */
    default boolean higherIsBetter() {
        return true;
    }

    /**
     * Scores one answer.
     *
     * @param question      the shopper's question
     * @param answerText    the answer as written, markup included
     * @param evidenceTexts the texts of the evidence items the answer could cite, in order
     * @return the value, or {@link Double#NaN} when the metric does not apply to this answer
     */
    double score(String question, String answerText, List<String> evidenceTexts);
}
