/**
 * Sentence embeddings for dense retrieval: the pretrained all-MiniLM-L6-v2 (quantized ONNX, shipped
 * in the langchain4j jar) run in-process with ONNX Runtime. {@link dev.aisle.engine.rag.embed.MiniLmEmbedder}
 * batches, sorts texts by length so that padding stays small, and spreads batches over worker threads
 * with one intra-op thread each, because on two cores two single-threaded runs beat one two-threaded
 * run of this small model. Vectors are mean-pooled and unit-length, so a dot product is the cosine.
 */
package dev.aisle.engine.rag.embed;
