package dev.aisle.engine.feedback.exchange;

/** One KTO line: a prompt, an answer, and whether the answer is desirable. */
public record KtoExample(String prompt, String completion, boolean label) {
}
