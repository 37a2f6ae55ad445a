package dev.aisle.engine.serving.bench;

/**
 * One benchmark request: the prompt's token ids and how many tokens the answer may take.
 *
 * @param maxTokens the answer length this request asks for (the random-weight model rarely
 *                  emits the end token, so this is what sets the mix of answer lengths)
 */
public record BenchPrompt(String id, int[] tokens, int maxTokens) {
}
