package dev.aisle.engine.generate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the decoding-constraint tests: each test class gets the tiny markup-trained tokenizer and model of
 * {@link GenerationFixture} and the constraint vocabulary read from it, built once per class and closed after it.
 */
abstract class OnTinyVocabulary {

    static GenerationFixture fx;
    static MarkupConstraint.Vocabulary vocab;

    @BeforeAll
    static void buildFixture() throws Exception {
        fx = new GenerationFixture(512);
        vocab = MarkupConstraint.Vocabulary.of(fx.tokenizer);
    }

    @AfterAll
    static void closeFixture() {
        fx.close();
    }
}
