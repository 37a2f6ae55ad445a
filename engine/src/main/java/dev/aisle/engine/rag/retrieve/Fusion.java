package dev.aisle.engine.rag.retrieve;

import java.util.List;

/** Combines a keyword list and a dense list into one score per document. */
public interface Fusion {

    /** A scored entry of one list, best first. */
    record Ranked(int doc, double score) {
    }

    String name();

    /** Fused score of a document given both lists (either may not contain it: rank 0). */
    double score(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore);

    /** The arithmetic behind {@link #score}, for explanations. */
    String explain(List<Ranked> bm25, List<Ranked> dense, int bm25Rank, int denseRank, double bm25Score, double denseScore);
}
