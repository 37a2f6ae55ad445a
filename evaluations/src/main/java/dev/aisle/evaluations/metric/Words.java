package dev.aisle.evaluations.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word tokens for overlap measures: lower-cased runs of letters and digits (decimals kept whole). */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,]\\p{N}+)*");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "are", "was", "were",
            "you", "your", "its", "it's", "has", "have", "had", "but", "not", "all", "any", "can", "will", "from",
            "they", "them", "their", "there", "than", "then", "also", "very", "more", "most", "one", "our", "out",
            "what", "which", "who", "how", "when", "into", "about", "would", "could", "should", "is", "a", "an",
            "of", "to", "in", "on", "at", "by", "or", "as", "be", "it", "if", "so", "do", "does", "i");

    private Words() {
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Tokens of three or more characters that are not stop words (or any number). */
    public static List<String> contentTokens(String text) {
        return tokens(text).stream()
                .filter(t -> (t.length() >= 3 || Character.isDigit(t.charAt(0))) && !STOP.contains(t))
                .toList();
    }
}
