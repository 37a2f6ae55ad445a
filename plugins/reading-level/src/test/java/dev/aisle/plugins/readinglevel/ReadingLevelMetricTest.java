package dev.aisle.plugins.readinglevel;

import dev.aisle.engine.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected grades worked out by hand: 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
class ReadingLevelMetricTest {

    private final ReadingLevelMetric metric = new ReadingLevelMetric();

    private double grade(String answer) {
        return metric.score("q", answer, List.of());
    }

    @Test
    void oneShortSentence() {
        // 6 words, 1 sentence, 6 syllables
        assertEquals(0.39 * 6 + 11.8 - 15.59, grade("The cat sat on the mat."), 1e-9);
    }

    @Test
    void twoSentences() {
        // this 1, jacket 2, is 1, waterproof 3, it 1, keeps 1, you 1, warm 1: 8 words, 11 syllables, 2 sentences
        assertEquals(0.39 * 4 + 11.8 * 11 / 8 - 15.59, grade("This jacket is waterproof. It keeps you warm."), 1e-9);
        assertEquals(2.195, grade("This jacket is waterproof. It keeps you warm."), 1e-9);
    }

    @Test
    void markupAndPricesAreNotProse() {
        // costs 1, and 1, is 1, a 1, fine 1, table 2: 6 words, 7 syllables; "129.99" ends no sentence
        assertEquals(0.39 * 6 + 11.8 * 7 / 6 - 15.59,
                grade("<product id=\"B0X1\"/> costs $129.99 and is a fine table. <cite ref=\"E1\"/>"), 1e-9);
    }

    @Test
    void proseWithoutAFullStopIsOneSentence() {
        assertEquals(0.39 * 3 + 11.8 - 15.59, grade("Great for kids"), 1e-9);
    }

    @Test
    void longerWordsAndSentencesReadHarder() {
        assertTrue(grade("Its thermoregulating membrane accommodates considerable perspiration during strenuous activity.")
                > grade("It keeps you dry when you run."));
    }

    @Test
    void noWordsMeansNotApplicable() {
        assertTrue(Double.isNaN(grade("")));
        assertTrue(Double.isNaN(grade("<product id=\"B0X1\"/> $12.50")));
    }

    @Test
    void syllableRule() {
        assertEquals(1, ReadingLevelMetric.syllables("the"));
        assertEquals(1, ReadingLevelMetric.syllables("make"));
        assertEquals(2, ReadingLevelMetric.syllables("table"));
        assertEquals(1, ReadingLevelMetric.syllables("free"));
        assertEquals(3, ReadingLevelMetric.syllables("waterproof"));
        assertEquals(1, ReadingLevelMetric.syllables("don't"));
    }

    @Test
    void loadsThroughTheServiceLoader() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            assertTrue(registry.answerMetrics().stream().anyMatch(m -> m.name().equals("reading_level")));
        }
    }
}
