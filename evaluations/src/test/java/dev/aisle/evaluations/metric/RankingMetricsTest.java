package dev.aisle.evaluations.metric;

import dev.aisle.evaluations.suite.GradedJudgment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {

    // Gains A=3 (exact), B=2 (substitute), C=1 (complement), D=0; relevant = {A, B}.
    private static final List<GradedJudgment> JUDGED = List.of(
            new GradedJudgment("A", 3), new GradedJudgment("B", 2), new GradedJudgment("C", 1), new GradedJudgment("D", 0));
    private static final List<String> RANKED = List.of("C", "A", "X", "B");

    @Test
    void recallCountsRelevantInTopK() {
        assertEquals(0.0, RankingMetrics.recall(RANKED, JUDGED, 1).getAsDouble(), 1e-12);
        assertEquals(0.5, RankingMetrics.recall(RANKED, JUDGED, 2).getAsDouble(), 1e-12);
        assertEquals(1.0, RankingMetrics.recall(RANKED, JUDGED, 10).getAsDouble(), 1e-12);
    }

    @Test
    void recallCapsTheDenominatorAtK() {
        // Two relevant documents, one slot: a top-1 holding one of them is all a list of one can do.
        assertEquals(1.0, RankingMetrics.recall(List.of("B", "C"), JUDGED, 1).getAsDouble(), 1e-12);
        List<GradedJudgment> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new GradedJudgment("P" + i, 2));
        }
        List<String> twentyOfSixty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "P" + i).toList();
        assertEquals(1.0, RankingMetrics.recall(twentyOfSixty, many, 20).getAsDouble(), 1e-12);
        List<String> half = java.util.stream.IntStream.range(0, 20).mapToObj(i -> i % 2 == 0 ? "P" + i : "X" + i).toList();
        assertEquals(0.5, RankingMetrics.recall(half, many, 20).getAsDouble(), 1e-12);
    }

    @Test
    void reciprocalRankOfFirstRelevant() {
        assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, JUDGED).getAsDouble(), 1e-12);
        assertEquals(0.0, RankingMetrics.reciprocalRank(List.of("X", "C"), JUDGED).getAsDouble(), 1e-12);
    }

    @Test
    void ndcgByHand() {
        // DCG = 1/log2(2) + 3/log2(3) + 0 + 2/log2(5) = 3.754142; IDCG = 3 + 2/log2(3) + 1/log2(4) = 4.761860.
        assertEquals(0.788377, RankingMetrics.ndcg(RANKED, JUDGED, 10).getAsDouble(), 1e-6);
        assertEquals(1.0, RankingMetrics.ndcg(List.of("A", "B", "C"), JUDGED, 10).getAsDouble(), 1e-12);
        // Cut at 2: DCG@2 = 1 + 3/log2(3); IDCG@2 = 3 + 2/log2(3).
        double expected = (1 + 3 / log2(3)) / (3 + 2 / log2(3));
        assertEquals(expected, RankingMetrics.ndcg(RANKED, JUDGED, 2).getAsDouble(), 1e-12);
    }

    @Test
    void duplicatesAreNotCreditedTwice() {
        assertEquals(RankingMetrics.ndcg(List.of("A"), JUDGED, 10).getAsDouble(),
                RankingMetrics.ndcg(List.of("A", "A", "A"), JUDGED, 10).getAsDouble(), 1e-12);
    }

    @Test
    void undefinedWithoutRelevantJudgments() {
        List<GradedJudgment> none = List.of(new GradedJudgment("C", 1));
        assertTrue(RankingMetrics.recall(RANKED, none, 10).isEmpty());
        assertTrue(RankingMetrics.reciprocalRank(RANKED, none).isEmpty());
        assertTrue(RankingMetrics.ndcg(RANKED, List.of(new GradedJudgment("D", 0)), 10).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.recallAt(0));
    }

    @Test
    void judgedOnlyDropsUnjudgedIdsBeforeScoring() {
        var item = dev.aisle.evaluations.suite.SuiteItem.builder("q", dev.aisle.evaluations.suite.SuiteKind.RETRIEVAL, "q")
                .judgments(JUDGED).build();
        var answer = dev.aisle.evaluations.system.SystemAnswer.ranking(List.of("X", "Y", "A", "Z", "B"), 1);
        var o = new Observation(item, answer, Catalogue.empty());
        // Full list: A at rank 3, B at rank 5. Condensed: A, B at ranks 1 and 2; C (gain 1) never ranked.
        double condensed = (3 + 2 / log2(3)) / (3 + 2 / log2(3) + 1 / log2(4));
        assertEquals(condensed, RankingMetrics.judgedOnly(RankingMetrics.ndcgAt(10)).score(o).getAsDouble(), 1e-12);
        assertEquals("ndcg@10_judged", RankingMetrics.judgedOnly(RankingMetrics.ndcgAt(10)).name());
        assertEquals(1.0 / 3, RankingMetrics.mrr().score(o).getAsDouble(), 1e-12);
        assertEquals(0.0, RankingMetrics.judgedOnly(RankingMetrics.recallAt(1)).score(
                new Observation(item, dev.aisle.evaluations.system.SystemAnswer.ranking(List.of("X", "C", "A"), 1), Catalogue.empty()))
                .getAsDouble(), 1e-12);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
