package dev.aisle.engine.markup.hydrate;

/**
 * The store's live view of one product: price, stock and delivery. Adapters wrap whatever the
 * store services are (the RAG stage's services, an HTTP client, a test double); a lookup may
 * block, and may throw — the hydrator runs it on its executor with a timeout and shows a
 * fallback if it fails.
 */
@FunctionalInterface
public interface StoreLookup {

    StoreOffer offer(String productId) throws Exception;
}
