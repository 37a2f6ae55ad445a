/**
 * The markup the model writes into its answers (DESIGN.md, "Markup the model emits"): the
 * element records, the incremental {@link dev.aisle.engine.markup.MarkupStreamParser} that turns
 * a token stream into text deltas and complete elements, the scope that says which ids an answer
 * may point at, and what keeps control characters of untrusted text off the screen.
 *
 * <p>Hydration (filling elements in from the catalogue and store services) lives in
 * {@code markup.hydrate}; the render model and its renderers in {@code markup.render}.
 */
package dev.aisle.engine.markup;
