package dev.aisle.engine.feedback.exchange;

/** One DPO line: the prompt, the preferred answer and the other one. */
public record DpoExample(String prompt, String chosen, String rejected) {
}
