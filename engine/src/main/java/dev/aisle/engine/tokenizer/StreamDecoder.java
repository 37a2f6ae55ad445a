package dev.aisle.engine.tokenizer;

import java.util.Arrays;

/**
 * Turns a stream of token ids into text deltas without ever emitting half a character: a token may end
 * in the middle of a UTF-8 sequence (an emoji spans several byte-level tokens), so the delta is held back
 * until the decoded window no longer ends in U+FFFD. Decoding a short trailing window keeps each step cheap
 * and works for any tokenizer (byte-level or SentencePiece-style), because it asks the tokenizer itself.
 */
public final class StreamDecoder {

    private static final char REPLACEMENT = '\uFFFD';
    private final ShopTokenizer tokenizer;
    private int[] ids = new int[64];
    private int size;
    private int prefixOffset;
    private int readOffset;

    StreamDecoder(ShopTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds one token and returns the newly complete text (possibly empty). */
    public String accept(int tokenId) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = tokenId;
        String before = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, readOffset));
        String now = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, size));
        if (now.length() > before.length() && now.charAt(now.length() - 1) != REPLACEMENT) {
            String delta = now.substring(before.length());
            prefixOffset = readOffset;
            readOffset = size;
            return delta;
        }
        return "";
    }

    /** Whatever is still held back (an incomplete character at the very end shows as U+FFFD). */
    public String flush() {
        String before = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, readOffset));
        String now = tokenizer.decode(Arrays.copyOfRange(ids, prefixOffset, size));
        prefixOffset = size;
        readOffset = size;
        return now.length() > before.length() ? now.substring(before.length()) : "";
    }
}
