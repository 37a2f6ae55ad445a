package dev.aisle.engine.train.preference;

/** One KTO example: a prompt, an answer and whether it was judged desirable. */
public record LabelledAnswer(String prompt, String completion, boolean desirable) {
}
