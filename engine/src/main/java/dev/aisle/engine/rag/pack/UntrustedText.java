package dev.aisle.engine.rag.pack;

import java.util.regex.Pattern;

/** Makes untrusted text inert before it enters a prompt; see the package documentation for the scheme. */
public final class UntrustedText {

    /** Replaces {@code <}: never parsed as the start of a tag or a special token. */
    public static final char LT = '\u2039';
    /** Replaces {@code >}. */
    public static final char GT = '\u203A';
    /** Replaces an {@code &} that would start an HTML entity. */
    public static final char AMP = '\uFF06';

    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    // Zero-width characters, bidi embeddings/overrides/isolates and the BOM: invisible, and used to hide text.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}]+");

    private UntrustedText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = ENTITY.matcher(text).replaceAll(String.valueOf(AMP));
        s = s.replace('<', LT).replace('>', GT);
        s = INVISIBLE.matcher(s).replaceAll("");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }
}
