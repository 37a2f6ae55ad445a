package dev.aisle.engine.rag.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Graded ranking metrics over ids; unjudged ids have gain 0. */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** nDCG@k with gain (2^g − 1) and log2 discount; 0 when nothing is relevant. */
    public static double ndcg(List<String> ranked, Map<String, Integer> gains, int k) {
        return ndcg(ranked, gains, k, RankingMetrics::gain);
    }

    /**
     * nDCG@k with the grade itself as gain, as {@code ./aisle eval}'s {@code ndcg@k} defines it
     * (docs/metrics.md); a repeated id counts once.
     */
    public static double linearNdcg(List<String> ranked, Map<String, Integer> gains, int k) {
        return ndcg(ranked.stream().distinct().toList(), gains, k, g -> g);
    }

    private static double ndcg(List<String> ranked, Map<String, Integer> gains, int k,
                               java.util.function.IntToDoubleFunction gain) {
        checkK(k);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain.applyAsDouble(gains.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(gains.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain.applyAsDouble(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Share of the ids with gain ≥ minGain that appear in the top k; 1 when there are none. */
    public static double recall(List<String> ranked, Map<String, Integer> gains, int k, int minGain) {
        checkK(k);
        long relevant = gains.values().stream().filter(g -> g >= minGain).count();
        if (relevant == 0) {
            return 1;
        }
        long found = ranked.stream().limit(k).filter(id -> gains.getOrDefault(id, 0) >= minGain).count();
        return (double) found / relevant;
    }

    /**
     * Recall with the denominator capped at k: |{gain ≥ minGain} ∩ top k| / min(k, |{gain ≥ minGain}|).
     * With 90 relevant products a list can hold only 20 in its top 20; plain recall would cap at 0.22,
     * capped recall reaches 1 when all 20 are relevant. 1 when nothing is relevant.
     */
    public static double cappedRecall(List<String> ranked, Map<String, Integer> gains, int k, int minGain) {
        checkK(k);
        long relevant = gains.values().stream().filter(g -> g >= minGain).count();
        if (relevant == 0) {
            return 1;
        }
        long found = ranked.stream().distinct().limit(k).filter(id -> gains.getOrDefault(id, 0) >= minGain).count();
        return (double) found / Math.min(k, relevant);
    }

    /** 1 / rank of the first id with gain ≥ minGain; 0 when none is ranked. */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> gains, int minGain) {
        for (int i = 0; i < ranked.size(); i++) {
            if (gains.getOrDefault(ranked.get(i), 0) >= minGain) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int g) {
        return Math.pow(2, g) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void checkK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("cut-off k must be > 0, got " + k);
        }
    }
}
