package dev.aisle.engine.train.loop;

/** What one optimizer step measured. */
public record StepResult(long step, double loss, double learningRate, double gradNorm, int tokens, double seconds) {
}
