package dev.aisle.evaluations.metric;

import java.util.OptionalDouble;

/**
 * One per-item metric. The aggregate over a suite is the mean of the items where the metric is
 * defined (speed metrics also report percentiles). {@link #definition()} is the one place the
 * metric is defined; docs/metrics.md is generated from it.
 */
public interface Metric {

    enum Group { RETRIEVAL, ANSWER, SPEED }

    /** Stable name used in results, thresholds ({@code --fail-under ndcg@10=0.6}) and reports. */
    String name();

    Group group();

    /** The exact definition, in Markdown, including when the metric is undefined for an item. */
    String definition();

    /** True when larger is better (recall); false for rates and latencies. */
    boolean higherIsBetter();

    /** The item's value, or empty when the metric does not apply to it. */
    OptionalDouble score(Observation o);
}
