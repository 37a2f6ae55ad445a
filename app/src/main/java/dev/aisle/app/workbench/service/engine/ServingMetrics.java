package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.MetricsSource;
import dev.aisle.engine.serving.export.ChromeTraceWriter;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import dev.aisle.engine.serving.metrics.MetricsSnapshot;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.ServingListener;
import dev.aisle.engine.serving.scheduler.GenerationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to a serving engine and answers the dashboards' polls. Latency percentiles come from the
 * engine's own {@link MetricsCollector}; the live figures (queue, batch, KV, tokens/s over the last
 * two seconds) from the latest iterations; the timeline from each request's events. Events are
 * also kept (bounded) so the trace can be exported with the engine's Chrome trace writer.
 *
 * <p>The scheduler thread calls the listener methods; they only copy under a lock and never block long.
 */
public final class ServingMetrics implements MetricsSource, ServingListener {

    private static final int MAX_REQUESTS = 400;
    private static final int MAX_EVENTS = 200_000;
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final long originNanos;
    private final String scheduler;
    private MetricsCollector collector = new MetricsCollector();
    private final Deque<IterationEvent> recent = new ArrayDeque<>();
    private final Map<String, Span> spans = new LinkedHashMap<>();
    private final Deque<Object> events = new ArrayDeque<>();
    private IterationEvent last;
    private long preemptions;

    public ServingMetrics(String scheduler) {
        this(scheduler, System.nanoTime());
    }

    ServingMetrics(String scheduler, long originNanos) {
        this.scheduler = scheduler;
        this.originNanos = originNanos;
    }

    /** Forgets latency samples (a new load run starts from a clean slate); the timeline stays. */
    public synchronized void resetLatencies() {
        collector = new MetricsCollector();
    }

    @Override
    public synchronized void onIteration(IterationEvent e) {
        collector.onIteration(e);
        last = e;
        preemptions += e.preempted();
        recent.addLast(e);
        while (!recent.isEmpty() && e.startNanos() - recent.peekFirst().startNanos() > RATE_WINDOW_NANOS) {
            recent.removeFirst();
        }
        keep(e);
    }

    @Override
    public synchronized void onRequest(RequestEvent e) {
        collector.onRequest(e);
        double at = ms(e.nanos());
        Span span = spans.computeIfAbsent(e.requestId(), id -> new Span());
        switch (e.kind()) {
            case QUEUED -> span.enter(MetricsSource.PhaseKind.QUEUED, at);
            case ADMITTED -> span.enter(MetricsSource.PhaseKind.PREFILL, at);
            case FIRST_TOKEN -> span.enter(MetricsSource.PhaseKind.DECODE, at);
            case PREEMPTED -> span.enter(MetricsSource.PhaseKind.PREEMPTED, at);
            case FINISHED -> span.finish(at);
            default -> {
                // PREFILL_CHUNK and TOKEN do not change the phase.
            }
        }
        while (spans.size() > MAX_REQUESTS) {
            spans.remove(spans.keySet().iterator().next());
        }
        keep(e);
    }

    @Override
    public synchronized void onResult(GenerationResult result) {
        collector.onResult(result);
    }

    private void keep(Object event) {
        events.addLast(event);
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
    }

    private double ms(long nanos) {
        return (nanos - originNanos) / 1e6;
    }

    @Override
    public synchronized Snapshot snapshot() {
        MetricsSnapshot m = collector.snapshot();
        long now = System.nanoTime();
        double nowMs = ms(now);
        long tokens = 0;
        for (IterationEvent e : recent) {
            if (now - e.startNanos() <= RATE_WINDOW_NANOS) {
                tokens += e.decodeTokens();
            }
        }
        boolean idle = last == null || now - last.startNanos() > RATE_WINDOW_NANOS;
        List<RequestSpan> requests = new ArrayList<>();
        for (Map.Entry<String, Span> e : spans.entrySet()) {
            requests.add(e.getValue().toRecord(e.getKey(), nowMs));
        }
        return new Snapshot(Math.round(nowMs), convert(m.ttftMs()), convert(m.itlMs()),
                tokens / (RATE_WINDOW_NANOS / 1e9), m.requestsPerS(), last == null || idle ? 0 : last.waiting(),
                last == null || idle ? 0 : last.batchSize(), last == null ? 0 : last.kvUsage(),
                last == null ? 0 : last.kvBlocksUsed(), preemptions, scheduler, requests);
    }

    private static MetricsSource.Percentiles convert(dev.aisle.engine.serving.metrics.Percentiles p) {
        return new MetricsSource.Percentiles(p.p50(), p.p90(), p.p99());
    }

    @Override
    public Path exportTrace(Path directory) throws IOException {
        List<Object> copy;
        synchronized (this) {
            copy = new ArrayList<>(events);
        }
        if (copy.isEmpty()) {
            throw new IOException("no scheduler events yet: start the load generator or ask a question first");
        }
        Files.createDirectories(directory);
        Path file = directory.resolve("scheduler-trace-" + System.currentTimeMillis() + ".json");
        try (ChromeTraceWriter writer = ChromeTraceWriter.toFile(file)) {
            for (Object o : copy) {
                if (o instanceof IterationEvent it) {
                    writer.onIteration(it);
                } else if (o instanceof RequestEvent re) {
                    writer.onRequest(re);
                }
            }
        }
        return file;
    }

    /** The phases of one request so far. */
    private static final class Span {
        private final List<MetricsSource.Phase> closed = new ArrayList<>();
        private MetricsSource.PhaseKind open;
        private double openedAt;
        private boolean finished;

        void enter(MetricsSource.PhaseKind kind, double at) {
            if (open != null) {
                closed.add(new MetricsSource.Phase(open, openedAt, at));
            }
            open = kind;
            openedAt = at;
        }

        void finish(double at) {
            if (open != null) {
                closed.add(new MetricsSource.Phase(open, openedAt, at));
            }
            open = null;
            finished = true;
        }

        RequestSpan toRecord(String id, double nowMs) {
            List<MetricsSource.Phase> phases = new ArrayList<>(closed);
            if (open != null) {
                phases.add(new MetricsSource.Phase(open, openedAt, nowMs));
            }
            return new RequestSpan(id, phases, finished);
        }
    }
}
