package dev.aisle.engine.serving.bench;

import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.ServingListener;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where one run's model time went: steps that computed prompt tokens (a sequence's last prefill chunk also
 * yields its first output token) and pure decode steps, with the mean pure-decode step at the widest batch
 * seen often enough to be a figure. Read by {@link BatchingCeiling}.
 *
 * @param widestDecodeBatch  widest batch with at least {@value Collector#STEADY_STEPS} pure decode steps, 0 if none
 * @param widestDecodeStepMs mean model time of those steps
 */
public record StepCosts(long prefillTokens, double prefillMs, long decodeTokens, double decodeMs,
                        int widestDecodeBatch, double widestDecodeStepMs) {

    /** Listens to one run's iterations. */
    static final class Collector implements ServingListener {
        static final int STEADY_STEPS = 3;

        private long prefillTokens;
        private long prefillNanos;
        private long decodeTokens;
        private long decodeNanos;
        /** batch size → {steps, nanos} of pure decode steps */
        private final Map<Integer, long[]> decodeByBatch = new TreeMap<>();

        @Override
        public synchronized void onIteration(IterationEvent e) {
            if (e.prefillTokens() > 0) {
                prefillTokens += e.prefillTokens();
                prefillNanos += e.modelNanos();
            } else if (e.decodeTokens() > 0) {
                decodeTokens += e.decodeTokens();
                decodeNanos += e.modelNanos();
                long[] at = decodeByBatch.computeIfAbsent(e.batchSize(), b -> new long[2]);
                at[0]++;
                at[1] += e.modelNanos();
            }
        }

        synchronized StepCosts costs() {
            int widest = 0;
            double widestMs = Double.NaN;
            for (Map.Entry<Integer, long[]> at : decodeByBatch.entrySet()) {
                if (at.getValue()[0] >= STEADY_STEPS) {
                    widest = at.getKey();
                    widestMs = at.getValue()[1] / 1e6 / at.getValue()[0];
                }
            }
            return new StepCosts(prefillTokens, prefillNanos / 1e6, decodeTokens, decodeNanos / 1e6, widest, widestMs);
        }
    }
}
