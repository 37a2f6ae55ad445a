package dev.aisle.engine.assistant;

/**
 * How the answer was generated ({@code generation} section of the trace); times in milliseconds.
 *
 * @param scheduler          the serving engine that ran it ("continuous", …)
 * @param detail             why it was rejected or failed; empty otherwise
 */
public record GenerationSection(String model, String scheduler, String finishReason, String detail, int promptTokens,
                                int cachedPromptTokens, int outputTokens, int preemptions, int prefillChunks,
                                double queueMs, double ttftMs, double tpotMs, double e2eMs) {

    public static final String NAME = "generation";
}
