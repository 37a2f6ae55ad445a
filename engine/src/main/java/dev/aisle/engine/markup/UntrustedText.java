package dev.aisle.engine.markup;

/**
 * Makes text written by shoppers (reviews, community answers) or anyone outside the store inert
 * before it enters a prompt or a page.
 *
 * <p>Angle brackets become the look-alike quotation marks {@code ‹ ›}: a review that contains
 * {@code <product id="…"/>} or {@code <|end|>} then reads the same to the model, but neither the
 * tokenizer's special tokens nor the markup parser can ever see a tag in it — not in the evidence,
 * and not in the model's copy of the evidence either. Control characters other than line breaks
 * and tabs are dropped so that text cannot drive a terminal (ANSI escapes) or hide content.
 */
public final class UntrustedText {

    private UntrustedText() {
    }

    public static String neutralise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '<' -> sb.append('\u2039');
                case '>' -> sb.append('\u203A');
                case '\n', '\t' -> sb.append(c);
                case '\r' -> {
                    // CR LF and lone CR both read as one line break
                    if (k + 1 >= text.length() || text.charAt(k + 1) != '\n') {
                        sb.append('\n');
                    }
                }
                default -> {
                    if (!isControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a reader sees. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Drops control characters (keeping line breaks and tabs); for text about to reach a terminal. */
    public static String stripControls(String text) {
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
