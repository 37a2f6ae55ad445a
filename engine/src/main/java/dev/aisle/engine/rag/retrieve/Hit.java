package dev.aisle.engine.rag.retrieve;

/**
 * One retrieved document with every score that placed it.
 *
 * @param bm25        the BM25 score, 0 when the keyword list did not return it
 * @param bm25Rank    1-based rank in the BM25 list, 0 when absent
 * @param dense       cosine similarity to the question, 0 when the dense list did not return it
 * @param denseRank   1-based rank in the dense list, 0 when absent
 * @param fused       the fused score the hit is ranked by
 * @param explanation how each score came about: the BM25 terms and fields (from Lucene's Explanation),
 *                    the cosine, and the fusion arithmetic
 * @param text        the stored document text (untrusted for reviews and Q&amp;A)
 */
public record Hit(String docId, String docType, String productId, double bm25, int bm25Rank, double dense,
                  int denseRank, double fused, String explanation, String text) {
}
