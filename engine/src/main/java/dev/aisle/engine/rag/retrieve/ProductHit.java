package dev.aisle.engine.rag.retrieve;

/**
 * A product ranked from its documents' hits.
 *
 * @param bestDocId the document that scored highest for it
 * @param documents how many of its documents were retrieved
 */
public record ProductHit(String productId, double score, String bestDocId, int documents) {
}
