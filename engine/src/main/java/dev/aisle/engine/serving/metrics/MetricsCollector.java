package dev.aisle.engine.serving.metrics;

import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.serving.scheduler.GenerationResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the event stream into the live figures the dashboards poll ({@link #snapshot()}) and the
 * benchmark reports. Thread-safe: events arrive on the scheduler thread, snapshots are taken from
 * any thread.
 */
public final class MetricsCollector implements ServingListener {

    private final List<GenerationResult> results = new ArrayList<>();
    private final List<Double> itl = new ArrayList<>();
    private final Map<String, Long> lastTokenNanos = new HashMap<>();
    private long firstNanos;
    private long lastNanos;
    private long iterations;
    private long batchSum;
    private int batchMax;
    private long schedulingNanos;
    private long modelNanos;
    private long paddingTokens;
    private long tokenSlots;
    private long preemptions;
    private int kvBlocksUsed;
    private double kvUsage;
    private double kvUsagePeak;
    private double prefixHitRate;
    private int running;
    private int waiting;

    @Override
    public synchronized void onIteration(IterationEvent e) {
        iterations++;
        batchSum += e.batchSize();
        batchMax = Math.max(batchMax, e.batchSize());
        schedulingNanos += e.schedulingNanos();
        modelNanos += e.modelNanos();
        paddingTokens += e.paddingTokens();
        tokenSlots += e.prefillTokens() + e.decodeTokens() + e.paddingTokens();
        preemptions += e.preempted();
        kvBlocksUsed = e.kvBlocksUsed();
        kvUsage = e.kvUsage();
        kvUsagePeak = Math.max(kvUsagePeak, e.kvUsage());
        prefixHitRate = e.prefixHitRate();
        running = e.running();
        waiting = e.waiting();
    }

    @Override
    public synchronized void onRequest(RequestEvent e) {
        if (firstNanos == 0 || e.nanos() < firstNanos) {
            firstNanos = e.nanos();
        }
        lastNanos = Math.max(lastNanos, e.nanos());
        switch (e.kind()) {
            case FIRST_TOKEN -> lastTokenNanos.put(e.requestId(), e.nanos());
            case TOKEN -> {
                Long prev = lastTokenNanos.put(e.requestId(), e.nanos());
                if (prev != null) {
                    itl.add((e.nanos() - prev) / 1e6);
                }
            }
            case FINISHED -> lastTokenNanos.remove(e.requestId());
            default -> {
            }
        }
    }

    @Override
    public synchronized void onResult(GenerationResult r) {
        results.add(r);
    }

    /** Forgets everything, e.g. after a warm-up. */
    public synchronized void reset() {
        results.clear();
        itl.clear();
        lastTokenNanos.clear();
        firstNanos = 0;
        lastNanos = 0;
        iterations = 0;
        batchSum = 0;
        batchMax = 0;
        schedulingNanos = 0;
        modelNanos = 0;
        paddingTokens = 0;
        tokenSlots = 0;
        preemptions = 0;
        kvUsagePeak = 0;
    }

    public synchronized List<GenerationResult> results() {
        return List.copyOf(results);
    }

    /**
     * Share of finished requests that were served (not rejected/failed) and met both targets:
     * TTFT at most {@code ttftMs} and TPOT at most {@code tpotMs} (one-token answers meet TPOT).
     */
    public synchronized double goodput(double ttftMs, double tpotMs) {
        if (results.isEmpty()) {
            return 0;
        }
        long good = results.stream().filter(r -> r.finishReason() == FinishReason.STOP
                        || r.finishReason() == FinishReason.LENGTH)
                .filter(r -> r.ttftMs() <= ttftMs && (Double.isNaN(r.tpotMs()) || r.tpotMs() <= tpotMs))
                .count();
        return good / (double) results.size();
    }

    public synchronized MetricsSnapshot snapshot() {
        int n = results.size();
        double[] ttft = new double[n];
        double[] tpot = new double[n];
        double[] e2e = new double[n];
        double[] queue = new double[n];
        long outputTokens = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            GenerationResult r = results.get(i);
            ttft[i] = r.ttftMs();
            tpot[i] = r.tpotMs();
            e2e[i] = r.finishReason() == FinishReason.REJECTED ? Double.NaN : r.e2eMs();
            queue[i] = r.finishReason() == FinishReason.REJECTED ? Double.NaN : r.queueMs();
            outputTokens += r.outputTokenCount();
            reasons.merge(r.finishReason().wireName(), 1L, Long::sum);
        }
        double seconds = (lastNanos - firstNanos) / 1e9;
        double[] gaps = itl.stream().mapToDouble(Double::doubleValue).toArray();
        long stepNanos = schedulingNanos + modelNanos;
        return new MetricsSnapshot(Percentiles.of(ttft), Percentiles.of(gaps), Percentiles.of(tpot), Percentiles.of(e2e),
                Percentiles.of(queue), seconds > 0 ? outputTokens / seconds : 0, seconds > 0 ? n / seconds : 0,
                iterations == 0 ? 0 : batchSum / (double) iterations, batchMax, kvBlocksUsed, kvUsage, kvUsagePeak,
                preemptions, tokenSlots == 0 ? 0 : paddingTokens / (double) tokenSlots, prefixHitRate,
                stepNanos == 0 ? 0 : schedulingNanos / (double) stepNanos,
                iterations == 0 ? 0 : stepNanos / 1e6 / iterations, iterations == 0 ? 0 : modelNanos / 1e6 / iterations,
                running, waiting, iterations, n, outputTokens, reasons);
    }
}
