package dev.aisle.engine.assistant;

/**
 * The prompt's token budget as the inspector shows it ({@code prompt} section of the trace).
 *
 * @param promptTokens     tokens of the whole prompt
 * @param evidenceItems    evidence items that made it into the prompt
 * @param droppedEvidence  items the packer chose but that did not fit the context
 * @param historyTurns     earlier exchanges kept in the prompt
 * @param maxContext       the model's context length
 * @param maxNewTokens     tokens reserved for the answer
 * @param questionTruncated whether an over-long question was cut to fit
 */
public record PromptSection(int promptTokens, int evidenceItems, int droppedEvidence, int historyTurns,
                            int maxContext, int maxNewTokens, boolean questionTruncated) {

    public static final String NAME = "prompt";
}
