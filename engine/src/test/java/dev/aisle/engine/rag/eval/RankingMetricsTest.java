package dev.aisle.engine.rag.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankingMetricsTest {

    final Map<String, Integer> gains = Map.of("a", 3, "b", 2, "c", 0, "d", 1);

    @Test
    void ndcgIsOneForTheIdealOrderAndLowerOtherwise() {
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a", "b", "d", "c"), gains, 10), 1e-12);
        double dcg = 7 / log2(2) + 0 / log2(3) + 3 / log2(4);
        double idcg = 7 / log2(2) + 3 / log2(3) + 1 / log2(4);
        assertEquals(dcg / idcg, RankingMetrics.ndcg(List.of("a", "x", "b"), gains, 10), 1e-12);
        assertEquals(0, RankingMetrics.ndcg(List.of("a"), Map.of(), 10));
    }

    @Test
    void cappedRecallDividesByAtMostK() {
        // Relevant (gain >= 2): a, b. One slot holding one of them is a full top 1.
        assertEquals(1.0, RankingMetrics.cappedRecall(List.of("b", "x"), gains, 1, 2), 1e-12);
        assertEquals(0.5, RankingMetrics.cappedRecall(List.of("b", "x"), gains, 2, 2), 1e-12);
        assertEquals(0.0, RankingMetrics.cappedRecall(List.of("c", "b"), gains, 1, 2), 1e-12);
        assertEquals(0.5, RankingMetrics.cappedRecall(List.of("a", "a"), gains, 2, 2), 1e-12, "a repeat is not a second find");
        assertEquals(1.0, RankingMetrics.cappedRecall(List.of("x"), Map.of("c", 0), 5, 2), 1e-12, "nothing relevant");
    }

    @Test
    void linearNdcgUsesTheGradeAsGain() {
        double dcg = 3 / log2(2) + 0 / log2(3) + 2 / log2(4);
        double idcg = 3 / log2(2) + 2 / log2(3) + 1 / log2(4);
        assertEquals(dcg / idcg, RankingMetrics.linearNdcg(List.of("a", "x", "b"), gains, 10), 1e-12);
        assertEquals(RankingMetrics.linearNdcg(List.of("a"), gains, 10), RankingMetrics.linearNdcg(List.of("a", "a"), gains, 10), 1e-12);
    }

    @Test
    void recallAndReciprocalRank() {
        assertEquals(0.5, RankingMetrics.recall(List.of("x", "a", "c"), gains, 3, 2), 1e-12);
        assertEquals(1.0, RankingMetrics.recall(List.of("b", "a"), gains, 2, 2), 1e-12);
        assertEquals(0.5, RankingMetrics.reciprocalRank(List.of("c", "a"), gains, 3), 1e-12);
        assertEquals(0, RankingMetrics.reciprocalRank(List.of("c", "x"), gains, 1));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcg(List.of(), gains, 0));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
