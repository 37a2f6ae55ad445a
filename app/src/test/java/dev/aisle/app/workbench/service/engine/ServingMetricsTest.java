package dev.aisle.app.workbench.service.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.service.MetricsSource;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.RequestEvent.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingMetricsTest {

    private static final long MS = 1_000_000L;

    @Test
    void requestEventsBecomeTimelinePhasesAndIterationsLiveFigures(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        ServingMetrics m = new ServingMetrics("continuous", t0);
        m.onRequest(new RequestEvent("r1", Kind.QUEUED, t0, 100, ""));
        m.onRequest(new RequestEvent("r1", Kind.ADMITTED, t0 + 5 * MS, 0, ""));
        m.onRequest(new RequestEvent("r1", Kind.FIRST_TOKEN, t0 + 20 * MS, 0, ""));
        m.onRequest(new RequestEvent("r1", Kind.PREEMPTED, t0 + 40 * MS, 0, ""));
        m.onRequest(new RequestEvent("r1", Kind.ADMITTED, t0 + 50 * MS, 0, ""));
        m.onRequest(new RequestEvent("r1", Kind.FINISHED, t0 + 80 * MS, 12, "stop"));
        m.onIteration(new IterationEvent(1, System.nanoTime(), MS, 9 * MS, 3, 2, 1, 3, 0, 3, 0, 40, 0.25, 0));

        MetricsSource.Snapshot s = m.snapshot();
        assertEquals(1, s.requests().size());
        MetricsSource.RequestSpan span = s.requests().get(0);
        assertTrue(span.finished());
        assertEquals(List.of(MetricsSource.PhaseKind.QUEUED, MetricsSource.PhaseKind.PREFILL,
                MetricsSource.PhaseKind.DECODE, MetricsSource.PhaseKind.PREEMPTED, MetricsSource.PhaseKind.PREFILL),
                span.phases().stream().map(MetricsSource.Phase::kind).toList());
        assertEquals(20.0, span.phases().get(2).startMs(), 1e-9);
        assertEquals(40.0, span.phases().get(2).endMs(), 1e-9);
        assertEquals(2, s.queueDepth());
        assertEquals(3, s.batchSize());
        assertEquals(0.25, s.kvUsage(), 1e-9);
        assertEquals(1, s.preemptions());
        assertEquals(1.5, s.outputTokensPerS(), 1e-9, "3 decoded tokens over the 2 s window");

        Path file = m.exportTrace(dir);
        assertTrue(Files.readString(file).contains("r1"));
    }
}
