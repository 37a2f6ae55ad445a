package dev.aisle.plugins.steptiming;

import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.spi.BackendPlugin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepTimingPluginTest {

    /** A backend whose steps "take" 1, 2, … ms on the test's clock. */
    private static final class Scripted implements Backend {
        final AtomicLong clock;
        final StepOutput out = new StepOutput(new float[][]{{0f, 1f}}, 0);
        long nextMillis = 1;
        boolean closed;

        Scripted(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public BackendInfo info() {
            return new BackendInfo("cpu", 2, 64, 16, 32);
        }

        @Override
        public StepOutput step(List<StepInput> batch) {
            clock.addAndGet(nextMillis++ * 1_000_000);
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<StepInput> batchOf(int n) {
        List<StepInput> b = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            b.add(new StepInput(k, new int[]{1}, 0, new int[]{k}, true));
        }
        return b;
    }

    @Test
    void stepsPassThroughAndTheirTimesAreReportedOnClose() {
        AtomicLong clock = new AtomicLong();
        Scripted inner = new Scripted(clock);
        List<String> reports = new ArrayList<>();
        TimedBackend timed = new TimedBackend(inner, reports::add, clock::get);
        assertEquals(new BackendInfo("cpu-timed", 2, 64, 16, 32), timed.info());
        for (int k = 1; k <= 100; k++) {
            assertSame(inner.out, timed.step(batchOf(k % 2 == 0 ? 4 : 2)));
        }
        timed.close();
        timed.close();
        assertEquals(List.of("cpu-timed: 100 steps, step p50 50.00 ms, p99 99.00 ms; mean batch 3.0"), reports);
        assertTrue(inner.closed);
    }

    @Test
    void nearestRankPercentiles() {
        long[] v = {10, 20, 30, 40};
        assertEquals(20, TimedBackend.percentile(v, 0.5));
        assertEquals(40, TimedBackend.percentile(v, 0.99));
        assertEquals(10, TimedBackend.percentile(v, 0.0));
    }

    @Test
    void theRegistryFindsTheBackendAndItWrapsTheEnginesCpuBackend() throws Exception {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            PluginStatus status = registry.statuses().stream().filter(s -> s.name().equals("step-timing")).findFirst()
                    .orElseThrow();
            assertEquals(PluginStatus.State.LOADED, status.state(), status.error());
            assertEquals(1, status.backends());
            BackendPlugin plugin = registry.backends().stream().filter(b -> b.name().equals("cpu-timed")).findFirst()
                    .orElseThrow();
            Scripted cpu = new Scripted(new AtomicLong());
            try (Backend b = plugin.create(new BackendPlugin.BackendRequest(Optional.empty(), LlamaConfig.defaultShape(),
                    32, 16, () -> cpu))) {
                b.step(batchOf(1));
                assertEquals("cpu-timed", b.info().name());
            }
            assertTrue(cpu.closed);
        }
    }
}
