/**
 * The plugin SPI: the small, versioned interfaces through which a store adds what Aisle does not
 * ship. This package holds the retrieval-side interfaces, {@link dev.aisle.engine.spi.EvidenceSource}
 * (a place evidence comes from) and {@link dev.aisle.engine.spi.StoreService} (a tool the router
 * calls: price, stock, delivery …), and the answer-side ones, {@link dev.aisle.engine.spi.AnswerMetric}
 * (a metric {@code aisle eval} reports) and {@link dev.aisle.engine.spi.MarkupElementPlugin} (an answer
 * element with its hydration and renderers), and on the serving side
 * {@link dev.aisle.engine.spi.BackendPlugin} (a backend selectable by name). Each carries an {@code apiVersion()} so the engine can refuse a
 * plugin written against an interface it no longer speaks.
 *
 * <p>Plugins are untrusted in two ways: they may be slow or throw (the router runs each call under
 * a time budget and records the failure in the trace), and what they return may contain text that
 * looks like markup (the evidence packer neutralises all returned text).
 */
package dev.aisle.engine.spi;
