package dev.aisle.engine.serving.backend;

/**
 * Result of one iteration.
 *
 * @param logits     one row per input in batch order; {@code null} rows where logits were not wanted
 * @param modelNanos time spent in the model (excluding the caller's scheduling)
 */
public record StepOutput(float[][] logits, long modelNanos) {
}
