package dev.aisle.engine.serving.bench;

import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.metrics.ServingListener;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.scheduler.RequestHandle;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.sampling.SamplingParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays an arrival trace against a running engine in real time: each request is submitted at its
 * arrival offset (open loop: a slow engine does not slow the arrivals), then waits for all to end.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * @param engine   started engine
     * @param extra    further listeners for the run (trace exporters), may be empty
     * @param maxWait  how long to wait for the last request after the last arrival
     */
    public static BenchRun run(ServingEngine engine, String backendName, ArrivalTrace trace, BenchTargets targets,
                               List<ServingListener> extra, Duration maxWait) {
        MetricsCollector metrics = new MetricsCollector();
        engine.addListener(metrics);
        extra.forEach(engine::addListener);
        List<RequestHandle> handles = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (ArrivalTrace.Arrival a : trace.arrivals()) {
                long wait = start + a.offsetNanos() - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                BenchPrompt p = a.prompt();
                handles.add(engine.submit(new GenerationRequest(p.id(), p.tokens(), p.maxTokens(), SamplingParams.GREEDY,
                        new int[0], Optional.empty())));
            }
            CompletableFuture.allOf(handles.stream().map(RequestHandle::result).toArray(CompletableFuture[]::new))
                    .get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handles.forEach(RequestHandle::cancel);
            throw new IllegalStateException(engine.name() + ": requests still unfinished " + maxWait
                    + " after the last arrival; lower --rate or --requests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed: " + e.getCause(), e.getCause());
        } finally {
            engine.removeListener(metrics);
            extra.forEach(engine::removeListener);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double goodput = metrics.goodput(targets.ttftMs(), targets.tpotMs());
        return new BenchRun(engine.name(), backendName, trace.rate(), handles.size(), wall, goodput,
                goodput * handles.size() / wall, targets, metrics.snapshot(), ProcessMemory.now().residentMb());
    }
}
