package dev.aisle.engine.rag.retrieve;

import java.util.List;
import java.util.Locale;

/** Reciprocal rank fusion: w_b/(k + rank_bm25) + w_d/(k + rank_dense); ignores raw scores. */
public record RrfFusion(int k, double bm25Weight, double denseWeight) implements Fusion {

    public RrfFusion {
        if (k <= 0) {
            throw new IllegalArgumentException("RRF k must be > 0, got " + k);
        }
        if (bm25Weight < 0 || denseWeight < 0) {
            throw new IllegalArgumentException("RRF weights must be >= 0, got " + bm25Weight + ", " + denseWeight);
        }
    }

    public static RrfFusion standard() {
        return new RrfFusion(60, 1, 1);
    }

    @Override
    public String name() {
        return "rrf";
    }

    @Override
    public double score(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore) {
        return (bm25Rank > 0 ? bm25Weight / (k + bm25Rank) : 0) + (denseRank > 0 ? denseWeight / (k + denseRank) : 0);
    }

    @Override
    public String explain(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore) {
        return String.format(Locale.ROOT, "rrf %.5f = %s + %s",
                score(bm25, dense, bm25Rank, denseRank, bm25Score, denseScore),
                bm25Rank > 0 ? String.format(Locale.ROOT, "%.2f/(%d+%d)", bm25Weight, k, bm25Rank) : "0 (not in bm25 list)",
                denseRank > 0 ? String.format(Locale.ROOT, "%.2f/(%d+%d)", denseWeight, k, denseRank) : "0 (not in dense list)");
    }
}
