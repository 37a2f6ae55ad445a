/**
 * Adapters from engine components to {@link dev.aisle.evaluations.system.AnswerSystem}: the RAG
 * layer's hybrid retriever for the retrieval suite (and, when the engine's Assistant lands, the
 * full answer pipeline).
 */
package dev.aisle.evaluations.adapters;
