package dev.aisle.engine.serving.metrics;

import java.util.Map;

/**
 * The serving figures at one moment, named as in DESIGN.md ("Metric names (serving)"). Latencies
 * are in milliseconds over the requests finished since the collector was created or reset.
 *
 * @param outputTokensPerS output tokens over the wall time from the first submission to the last finish
 * @param batchSizeMean    mean sequences per step
 * @param kvBlocksUsed     blocks referenced after the latest iteration
 * @param kvUsage          kvBlocksUsed / pool size after the latest iteration
 * @param kvUsagePeak      the highest kvUsage seen
 * @param paddingWaste     padded token slots / all token slots (static batching, shape buckets)
 * @param schedulerShare   scheduling time / (scheduling + model time)
 * @param finishReasons    finished requests by finish reason
 */
public record MetricsSnapshot(Percentiles ttftMs, Percentiles itlMs, Percentiles tpotMs, Percentiles e2eMs,
                              Percentiles queueMs, double outputTokensPerS, double requestsPerS,
                              double batchSizeMean, int batchSizeMax, int kvBlocksUsed, double kvUsage,
                              double kvUsagePeak, long preemptions, double paddingWaste, double prefixHitRate,
                              double schedulerShare, double stepMsMean, double modelMsMean,
                              int running, int waiting, long iterations, long finished, long outputTokens,
                              Map<String, Long> finishReasons) {
}
