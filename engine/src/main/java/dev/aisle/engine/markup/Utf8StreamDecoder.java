package dev.aisle.engine.markup;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 that arrives in pieces split at any byte (a byte-level tokenizer may end a token
 * in the middle of a character): incomplete sequences wait for the next piece; invalid bytes
 * become U+FFFD rather than an exception.
 */
public final class Utf8StreamDecoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    /** Decodes what is complete so far. */
    public String decode(byte[] bytes) {
        return run(bytes, false);
    }

    /** Decodes the rest; an unfinished sequence at the end becomes U+FFFD. */
    public String finish() {
        String s = run(new byte[0], true);
        CharBuffer tail = CharBuffer.allocate(4);
        decoder.flush(tail);
        tail.flip();
        return s + tail;
    }

    private String run(byte[] bytes, boolean endOfInput) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length);
        in.put(carry).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 4);
        CoderResult r = decoder.decode(in, out, endOfInput);
        if (r.isOverflow()) {
            throw new IllegalStateException("UTF-8 decoder overflow with room for every byte: " + r);
        }
        carry = in.slice();
        out.flip();
        return out.toString();
    }
}
