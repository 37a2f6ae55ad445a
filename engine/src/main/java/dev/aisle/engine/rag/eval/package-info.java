/**
 * Ranking evaluation that the benchmark and the evaluation suites share: graded metrics
 * ({@link dev.aisle.engine.rag.eval.RankingMetrics}: nDCG@k, recall@k, MRR) and product-QA evidence
 * ranking on files in the public layout (qid, question, product id, candidate text, source, graded
 * label 0–2, reference answer): {@link dev.aisle.engine.rag.eval.ProductQaCsv} reads them,
 * {@link dev.aisle.engine.rag.eval.EvidenceRanker} orders each question's candidates (BM25 over the
 * candidates, MiniLM cosine, fused) and {@link dev.aisle.engine.rag.eval.EvidenceRankingEval} scores it.
 */
package dev.aisle.engine.rag.eval;
