/**
 * Retrieval-augmented generation for the shopping assistant: the facade
 * {@link dev.aisle.engine.rag.RagPipeline} (a {@link dev.aisle.engine.rag.Retriever}) turns a question
 * and its conversation into numbered, neutralised evidence, writing every step into the answer's
 * {@code AnswerTrace}. Sub-packages: {@code analysis} (question reading), {@code embed} (MiniLM),
 * {@code index} (Lucene), {@code retrieve} (hybrid ranking), {@code route} (source weights and time
 * budgets), {@code services} (price, stock, delivery), {@code pack} (evidence packing), {@code eval}
 * (ranking metrics, product-QA evidence ranking). {@link dev.aisle.engine.rag.RetrievalBench} measures it.
 */
package dev.aisle.engine.rag;
