package dev.aisle.engine.rag.index;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.rag.SmallCorpusIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexBuilderTest {

    static final SmallCorpusIndex fx = SmallCorpusIndex.get();

    @Test
    void everyCorpusItemIsADocumentAndTheHashIsRecorded() {
        Corpus c = fx.corpus;
        int expected = c.products().size() + c.reviews().size() + c.questions().size() + c.guides().size();
        assertEquals(expected, fx.index.documents());
        assertEquals(expected, fx.build.documents());
        assertEquals(IndexBuilder.indexKey(c), fx.index.indexKey());
        assertTrue(fx.index.indexKey().startsWith(c.trainingHash()), "the index keys on the documents, not the judged queries");
        Map<String, String> data = IndexBuilder.commitData(fx.home.indexDir()).orElseThrow();
        assertEquals(IndexSchema.VERSION, data.get(IndexSchema.USER_SCHEMA));
        // products, Q&A and guides all get vectors; reviews only the representative few per product
        int embeddedFloor = c.products().size() + c.questions().size() + c.guides().size();
        assertTrue(fx.build.embedded() > embeddedFloor && fx.build.embedded() < expected,
                "embedded " + fx.build.embedded() + " of " + expected);
    }

    @Test
    void unchangedCorpusIsNotRebuiltAndAChangedOneIs() throws Exception {
        IndexBuilder builder = new IndexBuilder(fx.embedder, null, 2);
        assertFalse(builder.buildIfStale(fx.corpus, fx.home.indexDir()).rebuilt(), "same corpus must not rebuild");

        Path other = Files.createTempDirectory("aisle-rag-rebuild");
        Corpus c = fx.corpus;
        Corpus tiny = new Corpus(c.products().subList(0, 5), List.of(), List.of(), c.guides().subList(0, 1),
                List.of(), List.of(), "tiny-1");
        IndexBuilder.BuildReport first = builder.buildIfStale(tiny, other);
        assertTrue(first.rebuilt());
        assertEquals(6, first.documents());
        assertFalse(builder.buildIfStale(tiny, other).rebuilt());
        // New judged queries change the content hash, not the training hash: judgments are not indexed.
        Corpus rejudged = new Corpus(tiny.products(), List.of(), List.of(), tiny.guides(), List.of(), List.of(),
                "tiny-1-new-judgments", tiny.trainingHash());
        assertFalse(builder.buildIfStale(rejudged, other).rebuilt(), "new judged queries alone must not rebuild");
        Corpus changed = new Corpus(tiny.products(), List.of(), List.of(), List.of(), List.of(), List.of(), "tiny-2");
        IndexBuilder.BuildReport second = builder.buildIfStale(changed, other);
        assertTrue(second.rebuilt(), "new documents (a new training hash) must rebuild");
        try (RetrievalIndex idx = RetrievalIndex.open(other)) {
            assertEquals(5, idx.documents());
            assertEquals(IndexBuilder.indexKey(changed), idx.indexKey());
        }
    }

    @Test
    void storedDocumentsCarryProvenanceAndFilterValues() {
        var p = fx.corpus.products().get(0);
        RetrievalIndex.StoredDoc d = fx.index.find("product:" + p.id()).orElseThrow();
        assertEquals(IndexSchema.DocType.PRODUCT, d.type());
        assertEquals(p.id(), d.productId());
        assertEquals(p.price(), d.price(), 1e-9);
        assertTrue(d.body().contains(p.title()));
        var r = fx.corpus.reviews().get(0);
        RetrievalIndex.StoredDoc rd = fx.index.find("review:" + r.id()).orElseThrow();
        assertEquals(r.productId(), rd.productId());
        assertTrue(rd.body().contains(r.text()));
    }

    @Test
    void openingAMissingIndexSaysWhatToDo() throws Exception {
        Path empty = Files.createTempDirectory("aisle-no-index");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RetrievalIndex.open(empty));
        assertTrue(e.getMessage().contains("aisle index"), e.getMessage());
    }

    @Test
    void unknownProductsInReviewsAreNamed() {
        Corpus c = fx.corpus;
        var r = c.reviews().get(0);
        var orphan = new dev.aisle.datasets.reviews.Review("R-orphan", "B0MISSING0", 5, "t", "x", "a", "2024-01-01", 0, true);
        Corpus bad = new Corpus(c.products(), List.of(r, orphan), List.of(), List.of(), List.of(), List.of(), "bad");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusDocuments.of(bad, 1));
        assertTrue(e.getMessage().contains("R-orphan") && e.getMessage().contains("B0MISSING0"), e.getMessage());
    }
}
