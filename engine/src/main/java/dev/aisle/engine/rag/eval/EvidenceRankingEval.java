package dev.aisle.engine.rag.eval;

import dev.aisle.engine.rag.retrieve.Fusion;
import dev.aisle.engine.rag.retrieve.HybridRetriever;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scores an {@link EvidenceRanker} against the graded labels: mean nDCG@k and MRR (first label ≥ 1). */
public final class EvidenceRankingEval {

    /** Mean figures over the questions of a file for one ranking mode. */
    public record Score(String mode, int questions, int k, double ndcg, double mrr) {
    }

    private EvidenceRankingEval() {
    }

    public static Score score(EvidenceRanker ranker, HybridRetriever.Mode mode, Fusion fusion, int k) {
        double ndcg = 0;
        double mrr = 0;
        List<ProductQaCsv.Question> qs = ranker.questions();
        for (ProductQaCsv.Question q : qs) {
            List<Integer> order = ranker.rank(q, mode, fusion);
            List<String> ids = new ArrayList<>();
            Map<String, Integer> gains = new HashMap<>();
            for (int i = 0; i < q.candidates().size(); i++) {
                gains.put(String.valueOf(i), q.candidates().get(i).label());
            }
            order.forEach(i -> ids.add(String.valueOf(i)));
            ndcg += RankingMetrics.ndcg(ids, gains, k);
            mrr += RankingMetrics.reciprocalRank(ids, gains, 1);
        }
        int n = Math.max(1, qs.size());
        String name = mode == HybridRetriever.Mode.HYBRID ? "hybrid-" + fusion.name() : mode.name().toLowerCase(java.util.Locale.ROOT);
        return new Score(name, qs.size(), k, ndcg / n, mrr / n);
    }
}
