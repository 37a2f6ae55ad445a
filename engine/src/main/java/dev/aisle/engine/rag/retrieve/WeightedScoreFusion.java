package dev.aisle.engine.rag.retrieve;

import java.util.List;
import java.util.Locale;

/**
 * Convex combination of normalised scores: α·bm25/max(bm25) + (1−α)·(cos − floor)/(max(cos) − floor),
 * where floor is the lowest cosine in the dense list. Unlike RRF it keeps how far ahead a hit is.
 */
public record WeightedScoreFusion(double alpha) implements Fusion {

    public WeightedScoreFusion {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("fusion alpha must be in [0,1], got " + alpha);
        }
    }

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public double score(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore) {
        return alpha * bm25Part(bm25, bm25Rank, bm25Score) + (1 - alpha) * densePart(dense, denseRank, denseScore);
    }

    private static double bm25Part(List<Ranked> bm25, int rank, double score) {
        if (rank == 0 || bm25.isEmpty() || bm25.get(0).score() <= 0) {
            return 0;
        }
        return score / bm25.get(0).score();
    }

    private static double densePart(List<Ranked> dense, int rank, double score) {
        if (rank == 0 || dense.isEmpty()) {
            return 0;
        }
        double max = dense.get(0).score();
        double floor = dense.get(dense.size() - 1).score();
        return max - floor < 1e-9 ? 1 : (score - floor) / (max - floor);
    }

    @Override
    public String explain(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore) {
        return String.format(Locale.ROOT, "weighted %.4f = %.2f*%.3f (bm25/max) + %.2f*%.3f (cos min-max)",
                score(bm25, dense, bm25Rank, denseRank, bm25Score, denseScore), alpha, bm25Part(bm25, bm25Rank, bm25Score),
                1 - alpha, densePart(dense, denseRank, denseScore));
    }
}
