package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.serving.bench.ArrivalTrace;
import dev.aisle.engine.serving.bench.BenchRun;
import dev.aisle.engine.serving.bench.BenchTargets;
import dev.aisle.engine.serving.bench.PromptSource;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.serving.setup.BackendChoice;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.spi.BackendPlugin;
import dev.aisle.engine.serving.setup.ServingStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The dashboards' load generator: Poisson arrivals at the chosen rate for the chosen duration,
 * played by the engine's own {@link dev.aisle.engine.serving.bench.LoadGenerator} against a fresh
 * scheduler of the chosen kind on the chosen backend's {@link ServingStack}, reporting to the
 * dashboards' metrics. Stacks are opened on first use and closed with {@link #close()}.
 */
public final class ServingLoad implements LoadGenerator, AutoCloseable {

    private static final List<String> SCHEDULERS = List.of("continuous", "static", "sequential");
    /** The built-in backends that run on this machine; plugin backends are added after them. */
    private static final List<String> BUILT_IN = List.of("cpu", "neuron-profile");

    private final ServingOptions options;
    private final List<BackendPlugin> plugins;
    private final PluginIncidents incidents;
    private final List<String> backends;
    private final ServingMetrics metrics;
    private final BiFunction<ShopTokenizer, Integer, PromptSource> prompts;
    private final Map<String, ServingStack> stacks = new LinkedHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param options   how to open stacks (model directory, KV size …); the backend is chosen per run
     * @param plugins   backends of the loaded plugins, offered by name after the built-in ones (kept loaded by the caller)
     * @param incidents where a plugin backend's failed or cut-off steps are counted
     * @param prompts   the prompts of a run, in a stack's tokenizer, seeded by the run's number
     */
    public ServingLoad(ServingOptions options, ServingMetrics metrics, List<BackendPlugin> plugins, PluginIncidents incidents,
                       BiFunction<ShopTokenizer, Integer, PromptSource> prompts) {
        this.prompts = prompts;
        this.incidents = incidents;
        this.options = options;
        this.metrics = metrics;
        this.plugins = List.copyOf(plugins);
        List<String> names = new ArrayList<>(BUILT_IN);
        BackendChoice.names(plugins).stream().filter(n -> !BackendChoice.builtIn(n)).forEach(names::add);
        this.backends = List.copyOf(names);
    }

    @Override
    public List<String> schedulers() {
        return SCHEDULERS;
    }

    @Override
    public List<String> backends() {
        return backends;
    }

    private synchronized ServingStack stack(String backend) {
        return stacks.computeIfAbsent(backend, b -> ServingStack.open(options.withBackend(b), plugins, incidents));
    }

    @Override
    public Run start(Settings s, Consumer<String> done) {
        if (!backends.contains(s.backend())) {
            throw new IllegalArgumentException("unknown backend '" + s.backend() + "', expected one of " + backends);
        }
        ServingStack stack = stack(s.backend());
        int requests = Math.max(1, (int) Math.round(s.requestsPerSecond() * s.durationSeconds()));
        int run = runs.incrementAndGet();
        ServingEngine engine = stack.newScheduler(s.scheduler());
        AtomicBoolean stopped = new AtomicBoolean();
        metrics.resetLatencies();
        Thread driver = new Thread(() -> {
            String summary;
            try {
                // Built here, not on the caller's (UI) thread: prompts from questions are retrieved for.
                ArrivalTrace trace = ArrivalTrace.poisson(s.requestsPerSecond(), requests,
                        prompts.apply(stack.tokenizer(), run), run);
                engine.start();
                BenchRun r = dev.aisle.engine.serving.bench.LoadGenerator.run(engine, s.backend(), trace,
                        new BenchTargets(1000, 100), List.of(metrics), Duration.ofSeconds(120));
                summary = ("%s on %s (%s): %d requests in %.1f s · %.0f tokens/s · TTFT p50 %.0f ms, p99 %.0f ms · "
                        + "goodput %.0f%%").formatted(r.scheduler(), r.backend(), stack.modelId(), r.requests(),
                        r.wallSeconds(), r.metrics().outputTokensPerS(), r.metrics().ttftMs().p50(),
                        r.metrics().ttftMs().p99(), 100 * r.goodput());
            } catch (RuntimeException e) {
                summary = stopped.get() ? "Load stopped." : "Load run failed: " + e.getMessage();
            } finally {
                engine.close();
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

    @Override
    public synchronized void close() {
        stacks.values().forEach(ServingStack::close);
        stacks.clear();
    }
}
