package dev.aisle.engine.markup.hydrate;

/**
 * How one element was hydrated, for the AnswerTrace.
 *
 * @param elementIndex  the element's number in the answer
 * @param kind          "product", "compare", "cite", "link", or a plugin element's tag
 * @param key           what was looked up: a product id, "ID,ID", an evidence label, a link target,
 *                      or a plugin element's tag and first attribute value ("deal B0X1")
 * @param latencyMicros from the element's completion in the stream to its node being ready
 * @param cached        whether every lookup it needed was already in the cache (or in flight)
 * @param outcome       {@link Outcome}
 * @param detail        why it fell back or is partial; "" when ok
 */
public record HydrationRecord(int elementIndex, String kind, String key, long latencyMicros, boolean cached,
                              Outcome outcome, String detail) {

    /** OK: fully hydrated; PARTIAL: a card without live price/stock; FALLBACK: shown as a fallback. */
    public enum Outcome { OK, PARTIAL, FALLBACK }
}
