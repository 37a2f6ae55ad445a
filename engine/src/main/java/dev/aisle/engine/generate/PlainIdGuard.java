package dev.aisle.engine.generate;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps product ids out of free text. Ids belong in markup ({@code <product id="…"/>}), where the
 * markup constraint holds them to this answer's evidence; a bare id in a sentence ("B0CXTTT0ZA") is
 * neither rendered nor checked, and a small model makes them up. Outside a tag ({@code <…>}), a word
 * may not start with the catalogue's id prefix followed by an id character ({@link ProductIdShape}),
 * so an id cannot even begin. Inside tags everything is left to the markup constraint.
 *
 * <p>The state is whether the text is inside a tag and how much of the prefix the current word has
 * spelled (or that the word is some other word); masks are computed once per state and cached.
 */
public final class PlainIdGuard implements DecodingConstraint {

    /** The current word is not an id's beginning (or the text is inside a tag). */
    private static final int OTHER_WORD = -1;
    private static final long REFUSED = Long.MIN_VALUE;

    private final MarkupConstraint.Vocabulary vocab;
    private final ProductIdShape shape;
    private final Map<Integer, boolean[]> masks = new HashMap<>();
    private boolean inTag;
    /** Characters of the prefix the current word has spelled; 0 between words; {@link #OTHER_WORD}. */
    private int spelled;
    private int refusals;

    public PlainIdGuard(MarkupConstraint.Vocabulary vocab, ProductIdShape shape) {
        this.vocab = vocab;
        this.shape = shape;
    }

    @Override
    public void mask(float[] logits) {
        boolean[] allowed = masks.computeIfAbsent(key(inTag, spelled), k -> allowedFrom(inTag, spelled));
        int best = argmax(logits);
        if (!anyLeft(logits, allowed)) {
            // Other constraints left only id openings (never seen, but an empty mask would fail the request).
            return;
        }
        for (int i = 0; i < logits.length && i < allowed.length; i++) {
            if (!allowed[i]) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
        if (best >= 0 && best < allowed.length && !allowed[best]) {
            refusals++;
        }
    }

    @Override
    public void accept(int tokenId) {
        if (tokenId < 0 || tokenId >= vocab.size() || vocab.special(tokenId)) {
            return;
        }
        long s = run(inTag, spelled, vocab.text(tokenId));
        if (s != REFUSED) {
            inTag = (s & 1) == 1;
            spelled = (int) (s >> 1);
        }
        // A refused token only arrives when the caller sampled without the mask: keep the old state.
    }

    /** Steps at which the model's first choice would have begun an id in free text. */
    public int refusals() {
        return refusals;
    }

    private boolean[] allowedFrom(boolean tag, int word) {
        boolean[] allowed = new boolean[vocab.size()];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = vocab.special(i) || run(tag, word, vocab.text(i)) != REFUSED;
        }
        return allowed;
    }

    /** The state after {@code text} (tag bit | spelled << 1), or {@link #REFUSED} when it begins an id outside a tag. */
    private long run(boolean tag, int word, String text) {
        String prefix = shape.prefix();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (tag) {
                tag = c != '>';
                word = 0;
                continue;
            }
            if (c == '<') {
                tag = true;
                word = 0;
            } else if (!Character.isLetterOrDigit(c)) {
                word = 0;
            } else if (word == OTHER_WORD) {
                continue;
            } else if (word == prefix.length()) {
                if (shape.continues(c)) {
                    return REFUSED;
                }
                word = OTHER_WORD;
            } else {
                word = prefix.charAt(word) == c ? word + 1 : OTHER_WORD;
            }
        }
        return (tag ? 1L : 0L) | ((long) word << 1);
    }

    private static int key(boolean tag, int word) {
        return tag ? Integer.MIN_VALUE : word;
    }

    private static boolean anyLeft(float[] logits, boolean[] allowed) {
        for (int i = 0; i < logits.length && i < allowed.length; i++) {
            if (allowed[i] && logits[i] != Float.NEGATIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    private static int argmax(float[] logits) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] != Float.NEGATIVE_INFINITY && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        return best;
    }
}
