package dev.aisle.engine.rag.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the lexicon and the analyser: normalising, tokens, singular forms, edit distance. */
final class Words {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:\\.[0-9]+)?");

    /**
     * Everyday English and shopping words that are never "corrected" to a lexicon word, because
     * "best" is not a typo of "vest" and "boot" is not one of "boots".
     */
    static final Set<String> COMMON = Set.copyOf(List.of(
            "about", "above", "after", "again", "also", "always", "another", "anything", "around", "because",
            "before", "being", "below", "best", "better", "between", "bought", "buying", "cheap", "cheaper",
            "cheapest", "could", "does", "doesn", "dont", "each", "enough", "every", "find", "from", "gift",
            "give", "good", "great", "have", "help", "here", "home", "into", "just", "kind", "know", "like",
            "little", "long", "look", "looking", "lots", "make", "many", "more", "most", "much", "must",
            "need", "needs", "never", "nice", "only", "other", "over", "part", "really", "recommend", "right",
            "same", "should", "show", "some", "something", "still", "such", "suggest", "sure", "than", "that",
            "their", "them", "then", "there", "these", "they", "thing", "things", "think", "this", "those",
            "under", "until", "very", "want", "wants", "well", "were", "what", "when", "where", "which",
            "while", "will", "with", "within", "without", "work", "works", "would", "year", "years", "your",
            "old", "olds", "son", "daughter", "kids", "kid", "child", "children", "boy", "girl", "wife",
            "husband", "friend", "mom", "dad", "birthday", "christmas", "weather", "cold", "warm", "winter",
            "summer", "rain", "need", "bucks", "dollars", "price", "stock", "deliver", "delivery", "shipping",
            "available", "arrive", "compare", "versus", "difference", "which", "one", "ones", "first",
            "second", "third", "fourth", "last", "lighter", "heavier", "bigger", "smaller", "other", "both",
            "tell", "does", "doing", "play", "playing", "toys", "toy", "buy", "worth", "money", "cost",
            "costs", "sale", "tips", "advice", "guide", "choose", "pick", "matter", "matters", "important", "plus",
            "today", "tomorrow", "week", "soon", "fast", "quick", "quickly", "time", "size", "fit", "fits",
            "running", "walking", "hiking", "beginner", "beginners", "starter", "first", "anyone", "someone",
            "people", "person", "wear", "wearing", "use", "used", "using", "take", "come", "comes"));

    private Words() {
    }

    static String normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-').replace('\u2014', '-');
        return s.replaceAll("\\s+", " ").strip();
    }

    static List<String> tokens(String normalised) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalised);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Singular form for matching "gloves" to "Glove"; crude but symmetric, since both sides use it. */
    static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Lower case, tokens, singular forms, joined by single spaces. */
    static String key(String phrase) {
        List<String> t = tokens(normalise(phrase));
        StringBuilder sb = new StringBuilder();
        for (String w : t) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(singular(w));
        }
        return sb.toString();
    }

    /** Optimal-string-alignment distance (Damerau with adjacent swaps), stopping early past {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
