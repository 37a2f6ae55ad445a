/**
 * The scheduler's event stream ({@link dev.aisle.engine.serving.metrics.IterationEvent},
 * {@link dev.aisle.engine.serving.metrics.RequestEvent}, received through
 * {@link dev.aisle.engine.serving.metrics.ServingListener}) and the live figures built from it
 * ({@link dev.aisle.engine.serving.metrics.MetricsCollector#snapshot()}), named as in DESIGN.md.
 */
package dev.aisle.engine.serving.metrics;
