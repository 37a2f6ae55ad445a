package dev.aisle.engine.train.data;

/** Text to token ids, with the chat layout's special tokens recognised as single ids. */
public interface TokenEncoder {

    int[] encode(String text);

    /** Id of {@link dev.aisle.engine.prompt.ChatTokens#END}, which separates documents. */
    int endId();

    /** Id of {@link dev.aisle.engine.prompt.ChatTokens#PAD}. */
    int padId();
}
