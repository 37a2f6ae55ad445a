package dev.aisle.engine.generate;

/**
 * Receives each generated token as it is chosen, with the text it releases (may be empty while a character
 * or a possible stop string is incomplete). A final call with token id -1 carries held-back text when the
 * answer ends without a new token (context full).
 */
@FunctionalInterface
public interface TokenListener {

    void onToken(int tokenId, String textDelta);

    TokenListener NONE = (id, text) -> { };
}
