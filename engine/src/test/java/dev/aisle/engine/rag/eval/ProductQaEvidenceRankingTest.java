package dev.aisle.engine.rag.eval;

import dev.aisle.engine.rag.SmallCorpusIndex;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.RrfFusion;
import dev.aisle.engine.rag.retrieve.WeightedScoreFusion;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductQaEvidenceRankingTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ProductQaEvidenceRankingTest.class.getResource("/rag/" + name).toURI());
    }

    @Test
    void readsQuotedFieldsCommasAndLineBreaks() throws Exception {
        List<ProductQaCsv.Question> qs = ProductQaCsv.read(fixture("product-qa-fixture.csv"));
        assertEquals(5, qs.size());
        ProductQaCsv.Question q1 = qs.get(0);
        assertEquals("q1", q1.qid());
        assertEquals(5, q1.candidates().size());
        assertEquals("Waterproof: yes. Fully taped seams, 10,000 mm hydrostatic head.", q1.candidates().get(0).candidate());
        assertEquals("attribute", q1.candidates().get(0).source());
        assertEquals(2, q1.candidates().get(0).label());
        assertEquals("Yes, it is fully waterproof with taped seams.", q1.referenceAnswer());
        assertTrue(qs.get(1).candidates().get(3).candidate().contains("\"breathable\""));
        assertTrue(qs.get(2).candidates().get(3).candidate().contains("soft\nand"));
    }

    @Test
    void badRowsAreReportedWithFileAndLine() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductQaCsv.read(fixture("product-qa-bad-label.csv")));
        assertTrue(e.getMessage().contains("product-qa-bad-label.csv:3") && e.getMessage().contains("'high'"), e.getMessage());
        Path noColumn = Files.createTempFile("qa", ".csv");
        Files.writeString(noColumn, "qid,question,candidate\nq,x,y\n");
        e = assertThrows(IllegalArgumentException.class, () -> ProductQaCsv.read(noColumn));
        assertTrue(e.getMessage().contains(":1: missing column 'product_id'"), e.getMessage());
    }

    @Test
    void hybridRankingPutsLabelledEvidenceFirst() throws Exception {
        List<ProductQaCsv.Question> qs = ProductQaCsv.read(fixture("product-qa-fixture.csv"));
        try (EvidenceRanker ranker = new EvidenceRanker(qs, SmallCorpusIndex.get().embedder)) {
            EvidenceRankingEval.Score bm25 = EvidenceRankingEval.score(ranker, HybridRetriever.Mode.BM25, RrfFusion.standard(), 5);
            EvidenceRankingEval.Score dense = EvidenceRankingEval.score(ranker, HybridRetriever.Mode.DENSE, RrfFusion.standard(), 5);
            EvidenceRankingEval.Score hybrid = EvidenceRankingEval.score(ranker, HybridRetriever.Mode.HYBRID, RrfFusion.standard(), 5);
            EvidenceRankingEval.Score weighted = EvidenceRankingEval.score(ranker, HybridRetriever.Mode.HYBRID,
                    new WeightedScoreFusion(0.5), 5);
            assertEquals("hybrid-rrf", hybrid.mode());
            assertEquals(5, hybrid.questions());
            // A random order of these candidates scores about 0.6 nDCG@5; the rankers must do clearly better.
            for (EvidenceRankingEval.Score s : List.of(bm25, dense, hybrid, weighted)) {
                assertTrue(s.ndcg() > 0.8, s.toString());
                assertTrue(s.mrr() > 0.8, s.toString());
            }
            // The relevant "Drop: 8 mm." attribute must lead for the drop question.
            ProductQaCsv.Question drop = qs.get(1);
            int first = ranker.rank(drop, HybridRetriever.Mode.HYBRID, RrfFusion.standard()).get(0);
            assertEquals(2, drop.candidates().get(first).label(), drop.candidates().get(first).candidate());
        }
    }
}
