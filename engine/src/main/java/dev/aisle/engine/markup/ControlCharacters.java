package dev.aisle.engine.markup;

/**
 * Characters that must not reach a screen from untrusted text (reviews, shopper answers, model
 * output): C0/C1 controls such as ESC, which would let text drive a terminal (colours, cursor
 * moves, OSC 8 hyperlinks), and the bidirectional overrides that reorder what a reader sees.
 * Line breaks and tabs are kept. Making markup inert before text enters a prompt is the evidence
 * packer's job ({@code rag.pack.UntrustedText}); the renderers use this on everything they show.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code text} without control characters, line breaks and tabs kept. */
    public static String strip(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\t' || !isControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
