package dev.aisle.engine.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overhead benchmark's sample answers must pass every constraint of a default answer, on any tokenizer. */
class ConstraintBenchTest extends OnTinyVocabulary {

    @Test
    void theSampleAnswersPassEveryConstraintOnASmallVocabulary() {
        // A 400-token vocabulary spells the answers in many short tokens, near the layout's closing tail.
        ConstraintBench.Overhead o = ConstraintBench.run(fx.tokenizer, 1);
        assertTrue(o.numbersAnswerTokens() > 150, "the numbers answer is long in small tokens: " + o);
        assertTrue(o.allConstraintsMicrosPerToken() > 0 && o.meanMicrosPerToken() > 0, o.toString());
    }
}
