/**
 * Hydration: filling the model's product and comparison elements in from the catalogue and the
 * store services (price, stock, delivery), asynchronously and cached, with each lookup's latency
 * kept for the AnswerTrace and a graceful fallback when a lookup fails or is slow; and
 * {@link dev.aisle.engine.markup.hydrate.StreamingAnswer}, which ties the stream parser, the
 * hydrator and a {@link dev.aisle.engine.markup.render.RenderListener} together for one answer.
 */
package dev.aisle.engine.markup.hydrate;
