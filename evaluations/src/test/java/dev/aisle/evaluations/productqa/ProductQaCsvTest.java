package dev.aisle.evaluations.productqa;

import dev.aisle.evaluations.baseline.Bm25CandidateRanker;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.run.EvalRunner;
import dev.aisle.evaluations.run.ConfigRun;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductQaCsvTest {

    private static Suite read(String csv) throws Exception {
        return ProductQaCsv.read(new StringReader(csv), "pq", "pq.csv");
    }

    @Test
    void groupsRowsByQidWithQuotedFieldsAndExtraColumns() throws Exception {
        Suite s = read("qid,question,product_id,candidate,source,label,reference_answer,annotator\r\n"
                + "1,\"Is it waterproof, really?\",B0X,\"Yes, \"\"fully\"\"\nsealed\",review,2,Yes.,ann1\n"
                + "1,\"Is it waterproof, really?\",B0X,Nice colour,review,0,,ann2\n"
                + "2,Battery?,B0Y,30 hours,attribute,1,About 30 hours,ann1\n");
        assertEquals(2, s.items().size());
        SuiteItem first = s.items().get(0);
        assertEquals("Is it waterproof, really?", first.question());
        assertEquals("Yes, \"fully\"\nsealed", first.candidates().get(0).text());
        assertEquals(2, first.judgments().get(0).gain());
        assertEquals("1#1", first.candidates().get(1).id());
        assertEquals("Yes.", first.referenceAnswer());
    }

    @Test
    void badInputNamesFileAndLine() {
        String header = "qid,question,product_id,candidate,source,label,reference_answer\n";
        assertMessage("pq.csv:3: label must be 0, 1 or 2, got '3'", header + "1,q,B0X,c,review,2,a\n1,q,B0X,c,review,3,a\n");
        assertMessage("pq.csv:1: missing column 'label'", "qid,question,product_id,candidate,source\n");
        assertMessage("pq.csv:2: a quoted field is never closed", header + "1,\"q,B0X,c,review,2,a\n");
        assertMessage("pq.csv:3: qid 1 has two different questions", header + "1,q,B0X,c,review,2,a\n1,other,B0X,c,review,1,a\n");
        assertMessage("pq.csv:2: source must be one of", header + "1,q,B0X,c,forum,2,a\n");
        assertMessage("pq.csv:2: 3 fields, header has 7", header + "1,q,B0X\n");
    }

    private static void assertMessage(String prefix, String csv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(csv));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void bm25RanksTheBundledSampleWellAboveChance() throws Exception {
        Suite s = new SuiteSource(() -> null, Optional.empty()).load("product-qa");
        Bm25CandidateRanker ranker = new Bm25CandidateRanker(s.items());
        ConfigRun run = new EvalRunner(MetricRegistry.standard(), Catalogue.empty(), Progress.Listener.SILENT)
                .run(s, new SystemUnderTest(Bm25CandidateRanker.configuration("bm25"), ranker));
        assertEquals(0, run.errors());
        double ndcg = run.aggregate("ndcg@10").orElseThrow().mean();
        double mrr = run.aggregate("mrr").orElseThrow().mean();
        // Candidates share the question's key words ("waterproof", "battery", "drop"): BM25 puts a fully
        // answering passage first for most questions. A random order scores about 0.75 nDCG@10 here.
        assertTrue(ndcg > 0.8, "ndcg@10 " + ndcg);
        assertTrue(mrr > 0.6, "mrr " + mrr);
        assertTrue(run.aggregate("rouge_l").orElseThrow().n() == 6);
    }
}
