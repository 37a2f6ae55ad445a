package dev.aisle.engine.spi;

import java.util.List;

/**
 * A place evidence comes from: the built-in index, a size guide, a store's policy pages …
 * The router calls {@link #fetch} on an executor under a time budget; an implementation may block,
 * but one that overruns is abandoned and reported, never waited for.
 */
public interface EvidenceSource {

    /** The version of this interface that the engine implements. */
    int API_VERSION = 1;

    /** The interface version the implementation was written against; the engine accepts only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** Short stable name, shown in traces and used as the evidence line's source ("size-guide"). */
    String name();

    /**
     * Evidence for one question, best first.
     *
     * @throws Exception anything; the router records it and answers without this source
     */
    List<EvidenceItem> fetch(EvidenceRequest request) throws Exception;

    /**
     * What a source is asked.
     *
     * @param question   the shopper's question as typed
     * @param intent     the analysed intent, one of the names of {@code dev.aisle.datasets.judgments.Intent}
     * @param productIds products the question is about or the retriever's best candidates, best first
     * @param maxItems   how many items the source should return at most
     */
    record EvidenceRequest(String question, String intent, List<String> productIds, int maxItems) {
        public EvidenceRequest {
            if (maxItems <= 0) {
                throw new IllegalArgumentException("maxItems must be > 0, got " + maxItems);
            }
            productIds = List.copyOf(productIds);
        }
    }

    /**
     * One piece of evidence. Its text is treated as untrusted.
     *
     * @param id        stable identifier within the source
     * @param productId the product it is about, or "" when it is general
     * @param score     the source's own relevance score, higher is better, comparable only within the source
     */
    record EvidenceItem(String id, String productId, String text, double score) {
        public EvidenceItem {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("evidence item id must not be blank");
            }
            productId = productId == null ? "" : productId;
            text = text == null ? "" : text;
        }
    }
}
