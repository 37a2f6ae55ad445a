package dev.aisle.evaluations.metric;

/** Latency per item, in the serving metric names of DESIGN.md. */
public final class SpeedMetrics {

    private SpeedMetrics() {
    }

    public static Metric ttftMs() {
        return new SimpleMetric("ttft_ms", Metric.Group.SPEED, false,
                "Milliseconds from the request to the first streamed token, as the system measured it. Undefined for "
                        + "systems that do not stream (rankers). Aggregates: mean, and p50/p90/p99 in the report.",
                o -> o.answer().ttftMs());
    }

    public static Metric e2eMs() {
        return new SimpleMetric("e2e_ms", Metric.Group.SPEED, false,
                "Milliseconds from the request to the complete answer (or ranking), as the system measured it, else as "
                        + "the runner measured around the call. Aggregates: mean, and p50/p90/p99 in the report.",
                o -> o.answer().e2eMs());
    }
}
