package dev.aisle.plugins.steptiming;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Wraps a backend and records how long each step took and how many sequences it carried. Keeps
 * the first {@value #MAX_STEPS} steps (a long benchmark's figures are settled by then) and reports
 * once, when closed.
 */
final class TimedBackend implements Backend {

    static final String NAME = "cpu-timed";
    static final int MAX_STEPS = 1 << 20;

    private final Backend inner;
    private final Consumer<String> report;
    private final LongSupplier clock;
    private final BackendInfo info;
    private long[] nanos = new long[1024];
    private int[] batch = new int[1024];
    private int steps;
    private boolean closed;

    TimedBackend(Backend inner, Consumer<String> report, LongSupplier clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.report = Objects.requireNonNull(report, "report");
        this.clock = Objects.requireNonNull(clock, "clock");
        BackendInfo i = inner.info();
        // Our own name, so benchmark reports say which backend ran.
        this.info = new BackendInfo(NAME, i.vocabSize(), i.maxContext(), i.blockSize(), i.numBlocks());
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public StepOutput step(List<StepInput> inputs) {
        long start = clock.getAsLong();
        StepOutput out = inner.step(inputs);
        record(clock.getAsLong() - start, inputs.size());
        return out;
    }

    private synchronized void record(long took, int sequences) {
        if (steps == MAX_STEPS) {
            return;
        }
        if (steps == nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.min(MAX_STEPS, steps * 2));
            batch = Arrays.copyOf(batch, nanos.length);
        }
        nanos[steps] = took;
        batch[steps] = sequences;
        steps++;
    }

    /** "cpu-timed: 120 steps, step p50 6.10 ms, p99 9.80 ms; mean batch 7.5" (or that there were none). */
    synchronized String summary() {
        if (steps == 0) {
            return NAME + ": no steps";
        }
        long[] sorted = Arrays.copyOf(nanos, steps);
        Arrays.sort(sorted);
        double meanBatch = Arrays.stream(batch, 0, steps).average().orElse(0);
        return String.format(Locale.ROOT, "%s: %d steps, step p50 %.2f ms, p99 %.2f ms; mean batch %.1f", NAME, steps,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, meanBatch);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            report.accept(summary());
        } finally {
            inner.close();
        }
    }
}
