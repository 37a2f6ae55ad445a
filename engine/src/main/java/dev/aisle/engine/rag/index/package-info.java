/**
 * The retrieval index: one Lucene index under {@code AISLE_HOME/index} holding products, reviews,
 * Q&amp;A threads and buying guides (field {@code type}), analysed with Lucene's English analyzer
 * into per-field BM25 fields (title, brand, category, attributes, bullets, text), with filter fields
 * (price, age range, category path, brand) copied from the product onto each of its documents, and a
 * MiniLM vector per document in an HNSW graph (dot product on unit vectors = cosine).
 *
 * <p>{@link dev.aisle.engine.rag.index.IndexBuilder} rebuilds only when the corpus content hash
 * (kept in the Lucene commit's user data together with the schema version) differs;
 * {@link dev.aisle.engine.rag.index.RetrievalIndex} opens a built index for searching.
 */
package dev.aisle.engine.rag.index;
