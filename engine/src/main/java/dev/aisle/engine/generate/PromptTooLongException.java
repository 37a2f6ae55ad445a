package dev.aisle.engine.generate;

/** The prompt does not fit the model's context (with room for at least one new token). */
public class PromptTooLongException extends IllegalArgumentException {

    private final int promptTokens;
    private final int context;

    public PromptTooLongException(int promptTokens, int context) {
        super("prompt has " + promptTokens + " tokens but the model's context is " + context
                + " positions (max_position_embeddings in config.json); shorten the evidence or the conversation");
        this.promptTokens = promptTokens;
        this.context = context;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int context() {
        return context;
    }
}
