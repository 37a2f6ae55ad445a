/**
 * Evidence packing: from ranked candidates (index hits, service answers, plugin items) to the
 * numbered lines E1…En that enter the prompt, within a token budget.
 *
 * <p>Steps: neutralise every text ({@link dev.aisle.engine.rag.pack.UntrustedText}), drop exact and
 * near duplicates (word-set Jaccard), then pick by maximal marginal relevance so that five reviews
 * saying the same thing do not crowd out the spec sheet, and stop adding once the budget is spent.
 * Token counts come from a {@code ToIntFunction<String>} so the real tokenizer can be plugged in;
 * {@link dev.aisle.engine.rag.pack.TokenCounters#approximate()} (characters / 4) is the default.
 *
 * <p><b>Neutralising untrusted text.</b> Reviews, shopper answers and plugin text may contain
 * {@code <product id="…"/>}, {@code <link …>}, {@code <script>} or the chat special tokens
 * ({@code <|end|>}, {@code <|system|>} …). Every {@code <} becomes U+2039 ‹ and every {@code >}
 * becomes U+203A › (single angle quotation marks). Every markup element and every special token
 * begins with an ASCII {@code <}, so after this mapping neither the markup parser nor the tokenizer's
 * special-token matcher can see one, while a human (or the model) still reads the text as written.
 * Escaping to {@code &lt;} was rejected because a renderer that decodes entities would turn it back
 * into a tag; for the same reason an ampersand that starts an entity ({@code &lt;}, {@code &#60;}) is
 * replaced with U+FF06 ＆. Line breaks collapse to spaces so an item cannot forge a new
 * "E7 [product …]" line, and invisible format characters (zero-width, bidi overrides) are removed.
 */
package dev.aisle.engine.rag.pack;
