/**
 * Plain baselines that need no model: a BM25 ranker of catalogue products (for the retrieval
 * suite until the engine's retriever is plugged in, and as the reference to beat) and a BM25
 * ranker of product-QA candidates.
 */
package dev.aisle.evaluations.baseline;
