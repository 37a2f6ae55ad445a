package dev.aisle.engine.rag.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Shopper phrases that mean an attribute wish ("can handle a downpour" → waterproof yes), learned from
 * judged training queries by {@link WishPhraseLearner}, and the reading of those phrases in a question.
 * Immutable and thread-safe; reading a question costs a few hash look-ups per word.
 */
public final class WishPhrases {

    /** Longest phrase learned or read, in words. */
    static final int MAX_WORDS = 4;
    /** Wishes read from one question at most: more would be noise from overlapping phrases. */
    static final int MAX_WISHES = 3;
    /** Prices and numbers: the analysis reads those itself; they are not part of a wish phrase. */
    private static final Pattern NOISE = Pattern.compile("\\$\\s?\\d+(?:\\.\\d+)?k?|\\b\\d+(?:\\.\\d+)?\\b");

    /**
     * What one learned phrase means.
     *
     * @param byLeaf   the wish in each shelf (leaf category) where the phrase was seen: number wishes have
     *                 per-shelf thresholds ("big enough for a family of five" is 5 people in a tent, 6 quarts in a fryer)
     * @param mainLeaf the shelf where it was seen most, used when the question names none of {@code byLeaf}'s
     * @param support  training queries that contained the phrase
     */
    public record Meaning(String phrase, Map<String, AttributeWish> byLeaf, String mainLeaf, int support) {
        public Meaning {
            byLeaf = Map.copyOf(byLeaf);
            if (!byLeaf.containsKey(mainLeaf)) {
                throw new IllegalArgumentException("main leaf '" + mainLeaf + "' of phrase '" + phrase + "' has no wish");
            }
        }

        AttributeWish forCategories(List<String> categories) {
            for (String c : categories) {
                AttributeWish w = byLeaf.get(c);
                if (w != null) {
                    return w;
                }
            }
            return byLeaf.get(mainLeaf);
        }
    }

    private static final WishPhrases NONE = new WishPhrases(Map.of());

    private final Map<String, Meaning> phrases;

    public WishPhrases(Map<String, Meaning> phrases) {
        this.phrases = Map.copyOf(phrases);
    }

    public static WishPhrases none() {
        return NONE;
    }

    public int size() {
        return phrases.size();
    }

    /** Whether the phrase (singular words, as {@link #tokens} makes them) was learned as a wish. */
    public boolean means(String phrase) {
        return phrases.containsKey(phrase);
    }

    /** Every learned phrase, sorted, for notes and tests. */
    public Map<String, Meaning> phrases() {
        return new TreeMap<>(phrases);
    }

    /**
     * The wishes a question's words express: learned phrases, longest first and not overlapping, at most
     * one per attribute and {@value #MAX_WISHES} in all.
     *
     * @param text       the question as the analysis corrected it (lower case)
     * @param categories the categories the analysis found, most specific first (they pick a number wish's threshold)
     */
    public List<AttributeWish> read(String text, List<String> categories) {
        if (phrases.isEmpty()) {
            return List.of();
        }
        List<String> tokens = tokens(text);
        boolean[] used = new boolean[tokens.size()];
        List<AttributeWish> out = new ArrayList<>();
        Set<String> attributes = new HashSet<>();
        for (int len = Math.min(MAX_WORDS, tokens.size()); len >= 1 && out.size() < MAX_WISHES; len--) {
            for (int i = 0; i + len <= tokens.size() && out.size() < MAX_WISHES; i++) {
                if (QuestionAnalyzer.anyUsed(used, i, len)) {
                    continue;
                }
                Meaning m = phrases.get(String.join(" ", tokens.subList(i, i + len)));
                if (m == null) {
                    continue;
                }
                AttributeWish w = categories.isEmpty() ? m.forCategories(categories).onlyIn(m.byLeaf().keySet())
                        : m.forCategories(categories);
                if (attributes.add(w.attribute())) {
                    out.add(w);
                }
                QuestionAnalyzer.mark(used, i, len);
            }
        }
        return out;
    }

    /** The words phrases are made of: lower case, singular, without prices and numbers. */
    static List<String> tokens(String text) {
        String clean = NOISE.matcher(Words.normalise(text)).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String t : Words.tokens(clean)) {
            out.add(Words.singular(t));
        }
        return out;
    }

    /** Every phrase of 1..{@value #MAX_WORDS} consecutive words. */
    static Set<String> phrasesOf(List<String> tokens) {
        Set<String> out = new HashSet<>();
        for (int n = 1; n <= MAX_WORDS; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                out.add(String.join(" ", tokens.subList(i, i + n)));
            }
        }
        return out;
    }
}
