/**
 * Hybrid retrieval: a per-field BM25 list ({@link dev.aisle.engine.rag.retrieve.Bm25Ranker}) and a
 * MiniLM nearest-neighbour list ({@link dev.aisle.engine.rag.retrieve.DenseRanker}) over the same
 * documents, both under the same hard filters from the question's constraints
 * ({@link dev.aisle.engine.rag.retrieve.ConstraintFilter}), fused by a
 * {@link dev.aisle.engine.rag.retrieve.Fusion} (reciprocal rank or weighted normalised score), and
 * rolled up to products. Every {@link dev.aisle.engine.rag.retrieve.Hit} says why it scored what it did.
 */
package dev.aisle.engine.rag.retrieve;
