package dev.aisle.engine.train.preference;

/** One DPO example: a prompt and two answers, the first preferred. */
public record PreferencePair(String prompt, String chosen, String rejected) {
}
