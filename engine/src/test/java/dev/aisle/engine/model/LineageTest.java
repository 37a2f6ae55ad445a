package dev.aisle.engine.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "trained on another corpus" check of {@code ./aisle eval}. */
class LineageTest {

    private static final String CONTENT = "sha256:content-with-new-judged-queries";
    private static final String TRAINING = "sha256:training-files";

    @Test
    void aModelRecordingTheTrainingHashMatchesWhateverTheJudgedQueriesAre() {
        assertTrue(Lineage.trainedOn(TRAINING, CONTENT, TRAINING));
        assertTrue(Lineage.trainedOn(TRAINING, "sha256:other-judged-queries", TRAINING));
    }

    @Test
    void anOlderModelRecordingTheFullContentHashStillMatchesThatCorpus() {
        assertTrue(Lineage.trainedOn(CONTENT, CONTENT, TRAINING));
        assertTrue(Lineage.trainedOn(CONTENT, CONTENT, null), "a product-QA run knows only one hash");
    }

    @Test
    void aModelOfAnotherCorpusIsFlagged() {
        assertFalse(Lineage.trainedOn("sha256:another-corpus", CONTENT, TRAINING));
        assertFalse(Lineage.trainedOn(TRAINING, CONTENT, null), "without the training hash only the content hash can match");
    }

    @Test
    void aModelWithoutCorpusLineageIsNeverFlagged() {
        assertTrue(Lineage.trainedOn("", CONTENT, TRAINING));
        assertTrue(Lineage.trainedOn(null, CONTENT, TRAINING));
    }
}
