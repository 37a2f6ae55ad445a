/**
 * Metrics, each defined exactly once: {@link dev.aisle.evaluations.metric.Metric#definition()} is
 * the definition, {@link dev.aisle.evaluations.metric.MetricRegistry} lists them and generates
 * {@code docs/metrics.md}. Answers are read by {@link dev.aisle.evaluations.metric.AnswerReading}
 * (markup elements, sentences, checkable claims) so that every metric sees the same reading.
 */
package dev.aisle.evaluations.metric;
