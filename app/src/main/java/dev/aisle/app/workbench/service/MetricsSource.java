package dev.aisle.app.workbench.service;

import java.util.List;

/**
 * Live serving metrics (names as in DESIGN.md "Metric names") and the scheduler's per-request
 * timeline. {@link #snapshot()} is cheap and thread-safe; the dashboard polls it several times a second.
 */
public interface MetricsSource {

    Snapshot snapshot();

    /** Writes the scheduler's events so far as a Chrome trace (chrome://tracing, Perfetto); returns the file. */
    java.nio.file.Path exportTrace(java.nio.file.Path directory) throws java.io.IOException;

    /** Serving figures at one moment, over a recent window. */
    record Snapshot(long atMillis, Percentiles ttftMs, Percentiles itlMs, double outputTokensPerS,
                    double requestsPerS, int queueDepth, int batchSize, double kvUsage, int kvBlocksUsed,
                    long preemptions, String scheduler, List<RequestSpan> requests) {
        public Snapshot {
            requests = List.copyOf(requests);
        }
    }

    /** p50 / p90 / p99 of one latency metric; NaN when there is no sample yet. */
    record Percentiles(double p50, double p90, double p99) {
        public static final Percentiles EMPTY = new Percentiles(Double.NaN, Double.NaN, Double.NaN);
    }

    /** One request's life in the scheduler, as consecutive phases. */
    record RequestSpan(String requestId, List<Phase> phases, boolean finished) {
        public RequestSpan {
            phases = List.copyOf(phases);
        }
    }

    /** A phase of a request; times in milliseconds since the source started. */
    record Phase(PhaseKind kind, double startMs, double endMs) {
    }

    /** What the scheduler was doing with a request. */
    enum PhaseKind {
        QUEUED, PREFILL, DECODE, PREEMPTED
    }
}
