package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.serving.bench.ArrivalTrace;
import dev.aisle.engine.serving.bench.BenchRun;
import dev.aisle.engine.serving.bench.BenchTargets;
import dev.aisle.engine.serving.bench.PromptSource;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The dashboards' load generator: Poisson arrivals at the chosen rate for the chosen duration,
 * played by the engine's own {@link dev.aisle.engine.serving.bench.LoadGenerator} against a fresh
 * scheduler of the chosen kind on its own KV pool, reporting to the dashboards' metrics.
 */
public final class ServingLoad implements LoadGenerator {

    private final ServingStack stack;
    private final ServingMetrics metrics;
    private final PromptSource prompts;
    private final AtomicInteger runs = new AtomicInteger();

    public ServingLoad(ServingStack stack, ServingMetrics metrics, PromptSource prompts) {
        this.stack = stack;
        this.metrics = metrics;
        this.prompts = prompts;
    }

    @Override
    public List<String> schedulers() {
        return ServingStack.SCHEDULERS;
    }

    @Override
    public List<String> backends() {
        return ServingStack.BACKENDS;
    }

    @Override
    public Run start(Settings s, Consumer<String> done) {
        if (!backends().contains(s.backend())) {
            throw new IllegalArgumentException("unknown backend '" + s.backend() + "', expected one of " + backends());
        }
        int requests = Math.max(1, (int) Math.round(s.requestsPerSecond() * s.durationSeconds()));
        ArrivalTrace trace = ArrivalTrace.poisson(s.requestsPerSecond(), requests, prompts, runs.incrementAndGet());
        CpuBackend backend = stack.newBackend(2048);
        ServingEngine engine = stack.newEngine(s.scheduler(), backend, 32);
        AtomicReference<Boolean> stopped = new AtomicReference<>(false);
        metrics.resetLatencies();
        Thread driver = new Thread(() -> {
            String summary;
            try {
                engine.start();
                BenchRun run = dev.aisle.engine.serving.bench.LoadGenerator.run(engine, s.backend(), trace,
                        new BenchTargets(1000, 100), List.of(metrics), Duration.ofSeconds(120));
                summary = "%s on %s: %d requests in %.1f s · %.0f tokens/s · TTFT p50 %.0f ms p99 %.0f ms · goodput %.0f%%"
                        .formatted(run.scheduler(), run.backend(), run.requests(), run.wallSeconds(),
                                run.metrics().outputTokensPerS(), run.metrics().ttftMs().p50(),
                                run.metrics().ttftMs().p99(), 100 * run.goodput());
            } catch (RuntimeException e) {
                summary = stopped.get() ? "Load stopped." : "Load run failed: " + e.getMessage();
            } finally {
                engine.close();
                backend.close();
            }
            done.accept(summary);
        }, "aisle-load-" + s.scheduler());
        driver.setDaemon(true);
        driver.start();
        return () -> {
            stopped.set(true);
            engine.close();
        };
    }
}
