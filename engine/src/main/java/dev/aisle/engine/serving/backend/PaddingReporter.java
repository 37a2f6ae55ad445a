package dev.aisle.engine.serving.backend;

/**
 * A backend that pads steps to fixed shapes says how many token slots of its last step were
 * padding, so the scheduler can report {@code padding_waste}.
 */
public interface PaddingReporter {

    int lastStepPaddingTokens();
}
