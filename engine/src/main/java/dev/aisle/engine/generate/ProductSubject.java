package dev.aisle.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which product the sentence being written is about, so that a price, rating or measure stated in it can
 * be bound to that product's values: the product of the last {@code <product id="X"/>} (or plugin
 * element / {@code <link to="product:X">}) or the last product name written in this sentence. A product
 * name is the shortest run of leading title words (at least two) that no other product of the evidence
 * shares, so "Greenkeeper Spin Control 9" names one product even when its siblings are in the evidence
 * too. At a sentence end the subject falls back to the question's product (a detail or store-service
 * question about one product), or to none, which leaves every evidence value open.
 *
 * <p>It restricts nothing itself ({@link #mask} is empty); the price and number constraints read
 * {@link #current()}. Put it first in {@link DecodingConstraint#all} so that it has seen a token before
 * they mask the next one.
 */
public final class ProductSubject implements DecodingConstraint {

    private static final Pattern ELEMENT = Pattern.compile("^<([a-z]+(?:-[a-z]+)*)\\s+(id|to)=\"(product:)?([^\",]+)\"");
    private static final int MAX_TEXT = 240;

    record Name(String productId, String spelling) {
    }

    private final MarkupConstraint.Vocabulary vocab;
    private final List<Name> names;
    private final Optional<String> fallback;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder tag = new StringBuilder();
    private boolean inTag;
    private char previous = ' ';
    private Optional<String> current;
    private int switches;

    /**
     * @param titles   product id → title of every product in the evidence
     * @param fallback the product the question is about, when it names one
     */
    public ProductSubject(MarkupConstraint.Vocabulary vocab, Map<String, String> titles, Optional<String> fallback) {
        this.vocab = vocab;
        this.names = names(titles);
        this.fallback = fallback;
        this.current = fallback;
    }

    /** The product the current sentence is about, if any. */
    public Optional<String> current() {
        return current;
    }

    /** How often the subject changed to a named product (for the trace). */
    public int switches() {
        return switches;
    }

    @Override
    public void mask(float[] logits) {
    }

    @Override
    public void accept(int tokenId) {
        if (tokenId < 0 || tokenId >= vocab.size() || vocab.special(tokenId)) {
            return;
        }
        String t = vocab.text(tokenId);
        for (int i = 0; i < t.length(); i++) {
            read(t.charAt(i));
        }
    }

    /** Reads one character of the answer. */
    void read(char c) {
        if (inTag) {
            tag.append(c);
            if (c == '>') {
                inTag = false;
                element(tag.toString());
                c = ' ';
            } else {
                return;
            }
        } else if (c == '<') {
            inTag = true;
            tag.setLength(0);
            tag.append(c);
            return;
        }
        if (c == '\n' || Character.isWhitespace(c) && (previous == '.' || previous == '!' || previous == '?')) {
            current = fallback;
            text.setLength(0);
        } else {
            text.append(Character.toLowerCase(c));
            if (text.length() > MAX_TEXT) {
                text.delete(0, text.length() - MAX_TEXT);
            }
            for (Name n : names) {
                if (endsWithWord(n.spelling())) {
                    to(n.productId());
                }
            }
        }
        previous = c;
    }

    private boolean endsWithWord(String spelling) {
        int start = text.length() - spelling.length();
        if (start < 0 || text.indexOf(spelling, start) != start) {
            return false;
        }
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    }

    private void element(String element) {
        Matcher m = ELEMENT.matcher(element);
        if (m.find() && (m.group(2).equals("id") || m.group(3) != null)) {
            to(m.group(4));
        }
    }

    private void to(String productId) {
        if (!current.equals(Optional.of(productId))) {
            current = Optional.of(productId);
            switches++;
        }
    }

    /**
     * Each product's name as the decoder recognises it: its shortest distinctive leading title words, lower
     * case (product id → name). The evaluations' binding diagnostic reads sentences with the same names.
     */
    public static Map<String, String> nameSpellings(Map<String, String> titles) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        names(titles).forEach(n -> out.put(n.productId(), n.spelling()));
        return out;
    }

    /** Each product's shortest distinctive leading title words (two or more), lower case. */
    static List<Name> names(Map<String, String> titles) {
        List<Name> out = new ArrayList<>();
        titles.forEach((id, title) -> {
            String[] words = title.toLowerCase(Locale.ROOT).strip().split("\\s+");
            String chosen = String.join(" ", words);
            for (int k = Math.min(2, words.length); k <= words.length; k++) {
                String prefix = String.join(" ", java.util.Arrays.copyOf(words, k));
                boolean shared = titles.entrySet().stream().anyMatch(e -> !e.getKey().equals(id)
                        && startsWithWords(e.getValue().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " "), prefix));
                if (!shared) {
                    chosen = prefix;
                    break;
                }
            }
            if (!chosen.isBlank()) {
                out.add(new Name(id, chosen));
            }
        });
        return List.copyOf(out);
    }

    private static boolean startsWithWords(String title, String prefix) {
        return title.startsWith(prefix) && (title.length() == prefix.length() || title.charAt(prefix.length()) == ' ');
    }
}
