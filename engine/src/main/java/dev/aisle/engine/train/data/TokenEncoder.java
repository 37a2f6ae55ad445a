package dev.aisle.engine.train.data;

/** Text to token ids for training; special tokens come only from the chat layout, never from text. */
public interface TokenEncoder {

    /** Encodes untrusted text (a document, an answer): special-token spellings stay plain text. */
    int[] encode(String text);

    /** Encodes engine-made text in which special-token spellings are meant as special tokens. */
    default int[] encodeTrusted(String text) {
        return encode(text);
    }

    /** Id of {@link dev.aisle.engine.prompt.ChatTokens#END}, which separates documents. */
    int endId();

    /** Id of {@link dev.aisle.engine.prompt.ChatTokens#PAD}. */
    int padId();

    /** A chat example as ids (prompt, answer, END) and the index of the answer's first id. */
    record ChatIds(int[] ids, int answerStart) {
    }

    /**
     * Encodes an example the way serving encodes a prompt. The default encodes the rendered prompt
     * and the answer apart, so the boundary is exact; tokenizers with a layout encoder override it.
     */
    default ChatIds encodeChat(SftExample example) {
        int[] p = encode(example.prompt());
        int[] a = encode(example.answer());
        int[] all = new int[p.length + a.length + 1];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(a, 0, all, p.length, a.length);
        all[all.length - 1] = endId();
        return new ChatIds(all, p.length);
    }
}
