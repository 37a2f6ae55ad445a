package dev.aisle.engine.serving.scheduler;

/**
 * How a request ended, what it produced and how long each phase took. Times are
 * {@link System#nanoTime()} readings; {@code firstTokenNanos} is 0 when no token was produced.
 *
 * @param detail  why it was rejected or failed; empty otherwise
 */
public record GenerationResult(String requestId, int[] outputTokens, FinishReason finishReason, String detail,
                               int promptTokens, int cachedPromptTokens, int preemptions, int prefillChunks,
                               long submittedNanos, long admittedNanos, long firstTokenNanos, long finishedNanos) {

    public int outputTokenCount() {
        return outputTokens.length;
    }

    public double queueMs() {
        return admittedNanos == 0 ? (finishedNanos - submittedNanos) / 1e6 : (admittedNanos - submittedNanos) / 1e6;
    }

    /** Time to first token, or NaN when none came. */
    public double ttftMs() {
        return firstTokenNanos == 0 ? Double.NaN : (firstTokenNanos - submittedNanos) / 1e6;
    }

    public double e2eMs() {
        return (finishedNanos - submittedNanos) / 1e6;
    }

    /** Mean time per output token after the first, or NaN with fewer than two tokens. */
    public double tpotMs() {
        return outputTokens.length < 2 ? Double.NaN
                : (finishedNanos - firstTokenNanos) / 1e6 / (outputTokens.length - 1);
    }
}
