package dev.aisle.engine.generate;

import dev.aisle.engine.serving.scheduler.FinishReason;
/**
 * One finished generation.
 *
 * @param text             the answer text (stop string and end token excluded)
 * @param tokenIds         generated ids (the end token included when it ended the answer)
 * @param finishReason     why it ended
 * @param promptTokens     prompt length in tokens
 * @param completionTokens generated tokens
 * @param timings          where the time went
 */
public record GenerationResult(String text, int[] tokenIds, FinishReason finishReason, int promptTokens,
                               int completionTokens, Timings timings) {

    /**
     * @param prefillMs     prompt forward time
     * @param firstTokenMs  from start to the first generated token (TTFT)
     * @param totalMs       from start to finish
     * @param constraintMs  time spent computing constraint masks (included in totalMs)
     */
    public record Timings(double prefillMs, double firstTokenMs, double totalMs, double constraintMs) {

        /** Decode speed after the first token. */
        public double decodeTokensPerSecond(int completionTokens) {
            double ms = totalMs - firstTokenMs;
            return completionTokens > 1 && ms > 0 ? (completionTokens - 1) * 1000.0 / ms : 0;
        }
    }
}
