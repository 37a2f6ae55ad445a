package dev.aisle.plugins.readinglevel;

import dev.aisle.engine.spi.AnswerMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch–Kincaid grade level: {@code 0.39 × words/sentences + 11.8 × syllables/words − 15.59}.
 * Markup tags are removed first (a {@code <product id="…"/>} is not prose); words are runs of
 * letters (with inner apostrophes), so prices and ids do not count; syllables are counted by the
 * usual vowel-group rule.
 */
public final class ReadingLevelMetric implements AnswerMetric {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)*");
    // A sentence ends at . ! or ? followed by space or the end: "129.99" and "e.g" inside do not end one.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    @Override
    public String name() {
        return "reading_level";
    }

    @Override
    public String description() {
        return "Flesch–Kincaid grade level of the answer's prose (markup removed): 0.39 × words per sentence + "
                + "11.8 × syllables per word − 15.59. Undefined when the answer has no words.";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(String question, String answerText, List<String> evidenceTexts) {
        Text t = Text.of(answerText == null ? "" : answerText);
        if (t.words().isEmpty()) {
            return Double.NaN;
        }
        double words = t.words().size();
        return 0.39 * words / t.sentences() + 11.8 * t.syllables() / words - 15.59;
    }

    /** The counts the formula needs. */
    record Text(List<String> words, int sentences, int syllables) {

        static Text of(String answer) {
            String prose = TAG.matcher(answer).replaceAll(" ");
            List<String> words = new ArrayList<>();
            Matcher w = WORD.matcher(prose);
            int syllables = 0;
            while (w.find()) {
                words.add(w.group());
                syllables += ReadingLevelMetric.syllables(w.group());
            }
            String[] parts = SENTENCE_END.split(prose.strip(), -1);
            int sentences = parts.length - 1;
            // Prose after the last full stop is a sentence too.
            if (WORD.matcher(parts[parts.length - 1]).find()) {
                sentences++;
            }
            return new Text(words, Math.max(1, sentences), syllables);
        }
    }

    /** Vowel groups, less a silent final "e" ("make", but not "table"); at least one. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("'", "");
        int n = (int) VOWEL_GROUP.matcher(w).results().count();
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && n > 1) {
            n--;
        }
        return Math.max(1, n);
    }
}
