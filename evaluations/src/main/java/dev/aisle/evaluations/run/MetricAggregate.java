package dev.aisle.evaluations.run;

/** A metric over one configuration's items: mean and percentiles of the defined values. */
public record MetricAggregate(String metric, String group, boolean higherIsBetter, int n,
                              double mean, double p50, double p90, double p99) {
}
