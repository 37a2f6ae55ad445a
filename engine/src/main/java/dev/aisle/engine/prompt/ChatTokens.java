package dev.aisle.engine.prompt;

import java.util.List;

/**
 * Special tokens of the chat layout. The tokenizer reserves them as single ids; text typed by
 * shoppers can never produce them because the tokenizer does not split them out of ordinary text
 * (they are added as special tokens, matched only when the engine inserts them).
 */
public final class ChatTokens {
    public static final String SYSTEM = "<|system|>";
    public static final String EVIDENCE = "<|evidence|>";
    public static final String USER = "<|user|>";
    public static final String ASSISTANT = "<|assistant|>";
    public static final String END = "<|end|>";
    public static final String PAD = "<|pad|>";

    /** In id order: PAD is id 0, then the rest. */
    public static final List<String> ALL = List.of(PAD, SYSTEM, EVIDENCE, USER, ASSISTANT, END);

    private ChatTokens() {
    }
}
