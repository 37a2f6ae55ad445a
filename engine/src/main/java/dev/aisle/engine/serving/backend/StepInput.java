package dev.aisle.engine.serving.backend;

/** One sequence's share of an iteration: a prefill chunk or a single decode token. */
public record StepInput(long sequenceId, int[] tokens, int startPosition, int[] blockTable, boolean wantLogits) {

    public StepInput {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a step needs at least one token for sequence " + sequenceId);
        }
        if (startPosition < 0) {
            throw new IllegalArgumentException("startPosition must be >= 0, got " + startPosition);
        }
    }
}
