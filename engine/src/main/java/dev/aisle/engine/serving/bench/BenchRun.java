package dev.aisle.engine.serving.bench;

import dev.aisle.engine.serving.metrics.MetricsSnapshot;

/**
 * One scheduler on one arrival trace.
 *
 * @param goodput          share of requests that met both targets
 * @param goodputPerS      such requests per second of wall time
 * @param wallSeconds      first arrival to last finish
 * @param residentMb       the process's resident memory when the run ended (flat across runs = no native leak)
 */
public record BenchRun(String scheduler, String backend, double rate, int requests, double wallSeconds,
                       double goodput, double goodputPerS, BenchTargets targets, MetricsSnapshot metrics,
                       double residentMb) {
}
