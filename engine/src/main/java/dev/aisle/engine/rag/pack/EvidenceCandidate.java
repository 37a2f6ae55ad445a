package dev.aisle.engine.rag.pack;

import java.util.Map;

/**
 * Something that may enter the prompt, with where it came from.
 *
 * @param source    "product", "review", "qa", "guide", "service" or a plugin source name
 * @param docId     the document id in its source
 * @param productId the product it is about, or ""
 * @param text      raw text, possibly untrusted; the packer neutralises it
 * @param relevance the router's weighted relevance, higher is better
 * @param scores    the component scores for provenance ("bm25", "dense", "fused", "weight" …)
 */
public record EvidenceCandidate(String source, String docId, String productId, String text,
                                double relevance, Map<String, Double> scores) {
    public EvidenceCandidate {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("evidence source must not be blank (doc " + docId + ")");
        }
        if (docId == null || docId.isBlank()) {
            throw new IllegalArgumentException("evidence doc id must not be blank (source " + source + ")");
        }
        if (Double.isNaN(relevance)) {
            throw new IllegalArgumentException("relevance of " + docId + " is NaN");
        }
        productId = productId == null ? "" : productId;
        text = text == null ? "" : text;
        scores = Map.copyOf(scores);
    }
}
