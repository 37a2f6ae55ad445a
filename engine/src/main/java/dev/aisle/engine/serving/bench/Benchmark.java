package dev.aisle.engine.serving.bench;

import dev.aisle.engine.serving.export.ChromeTraceWriter;
import dev.aisle.engine.serving.export.JsonlEventWriter;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.ServingListener;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.IterationScheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs schedulers on one stack over seeded arrival traces and measures MFU: the engine behind
 * {@code aisle bench}. Every scheduler at a given rate sees the same trace.
 */
public final class Benchmark {

    /**
     * @param schedulers "continuous", "static", "sequential"
     * @param rates      requests per second; {@code Double.POSITIVE_INFINITY} sends all at once
     * @param traceOut   if present, a Chrome trace (and a JSONL event file) per run, named after it
     * @param mfuBatches decode batch sizes to measure MFU at; empty skips the matmul peak
     */
    public record Plan(List<String> schedulers, List<Double> rates, int requests, long seed, BenchTargets targets,
                       Optional<Path> traceOut, List<Integer> mfuBatches, Duration maxWait) {
    }

    private final BenchSubject stack;
    private final PromptSource prompts;
    private final Consumer<String> log;

    public Benchmark(BenchSubject stack, PromptSource prompts, Consumer<String> log) {
        this.stack = stack;
        this.prompts = prompts;
        this.log = log;
    }

    public BenchReport run(Plan plan) {
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<BenchRun> runs = new ArrayList<>();
        List<BenchReport.Comparison> comparisons = new ArrayList<>();
        ArrivalTrace sample = null;
        for (double rate : plan.rates()) {
            ArrivalTrace trace = ArrivalTrace.poisson(rate, plan.requests(), prompts, plan.seed());
            sample = trace;
            List<BenchRun> atRate = new ArrayList<>();
            for (String kind : plan.schedulers()) {
                log.accept(String.format("bench: %s at %s req/s, %d requests ...", kind, rateText(rate), plan.requests()));
                BenchRun r = runOne(kind, trace, plan);
                log.accept(String.format("bench: %s done in %.1f s: %.0f output tokens/s, p99 TTFT %.0f ms",
                        kind, r.wallSeconds(), r.metrics().outputTokensPerS(), r.metrics().ttftMs().p99()));
                atRate.add(r);
            }
            runs.addAll(atRate);
            find(atRate, "continuous").ifPresent(c -> {
                Optional<BenchRun> st = find(atRate, "static");
                Optional<BenchRun> seq = find(atRate, "sequential");
                if (st.isPresent() || seq.isPresent()) {
                    comparisons.add(new BenchReport.Comparison(rate,
                            st.map(s -> ratio(c.metrics().outputTokensPerS(), s.metrics().outputTokensPerS())).orElse(Double.NaN),
                            seq.map(s -> ratio(c.metrics().outputTokensPerS(), s.metrics().outputTokensPerS())).orElse(Double.NaN),
                            st.map(s -> ratio(s.metrics().ttftMs().p99(), c.metrics().ttftMs().p99())).orElse(Double.NaN),
                            st.map(s -> ratio(c.goodputPerS(), s.goodputPerS())).orElse(Double.NaN)));
                }
            });
        }
        List<BenchReport.Mfu> mfu = new ArrayList<>();
        if (!plan.mfuBatches().isEmpty()) {
            log.accept("bench: measuring the 2048^3 fp32 matmul peak ...");
            double peak = MatmulPeak.measureGflops(2048, 5);
            for (int b : plan.mfuBatches()) {
                mfu.add(decodeMfu(b, peak));
            }
        }
        var sc = stack.schedulerConfig();
        var info = stack.backendInfo();
        BenchReport.Setup setup = new BenchReport.Setup(stack.modelDescription(), stack.parameters(), info.name(),
                info.numBlocks(), info.blockSize(), sc.maxRunning(), sc.maxBatchedTokens(), sc.maxWaiting(), plan.seed(),
                Runtime.getRuntime().availableProcessors(), String.format("load average %.1f before, %.1f after; "
                        + "static batching and neuron-profile compute their padding",
                loadBefore, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return new BenchReport(setup, mix(sample), runs, comparisons, mfu);
    }

    private BenchRun runOne(String kind, ArrivalTrace trace, Plan plan) {
        IterationScheduler scheduler = stack.newScheduler(kind);
        warmUp(scheduler);
        List<ServingListener> extra = new ArrayList<>();
        List<AutoCloseable> files = new ArrayList<>();
        try {
            if (plan.traceOut().isPresent()) {
                Path base = plan.traceOut().get();
                String stem = base.getFileName().toString().replaceFirst("\\.json$", "");
                String suffix = "-" + kind + "-r" + rateText(trace.rate());
                ChromeTraceWriter chrome = ChromeTraceWriter.toFile(base.resolveSibling(stem + suffix + ".json"));
                JsonlEventWriter jsonl = JsonlEventWriter.toFile(base.resolveSibling(stem + suffix + ".jsonl"), false);
                extra.add(chrome);
                extra.add(jsonl);
                files.add(chrome);
                files.add(jsonl);
            }
            scheduler.start();
            return LoadGenerator.run(scheduler, stack.backendInfo().name(), trace, plan.targets(), extra, plan.maxWait());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace files next to " + plan.traceOut().orElseThrow(), e);
        } finally {
            scheduler.close();
            for (AutoCloseable f : files) {
                try {
                    f.close();
                } catch (Exception e) {
                    log.accept("bench: could not close a trace file: " + e);
                }
            }
        }
    }

    /** A few requests through the scheduler first, so JIT and native warm-up are not measured. */
    private void warmUp(IterationScheduler scheduler) {
        for (int i = 0; i < 4; i++) {
            BenchPrompt p = prompts.prompt(1_000_000 + i);
            scheduler.submit(GenerationRequest.greedy("warmup-" + i, p.tokens(), 8));
        }
        scheduler.runUntilIdle();
    }

    /** Pure decode steps at batch {@code batch}: prompts of 64 tokens, 48 new tokens each. */
    private BenchReport.Mfu decodeMfu(int batch, double peakGflops) {
        IterationScheduler s = stack.newScheduler("continuous");
        List<Long> decodeNanos = new ArrayList<>();
        s.addListener(new ServingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                if (e.prefillTokens() == 0 && e.batchSize() == batch) {
                    decodeNanos.add(e.modelNanos());
                }
            }
        });
        int prompt = 64;
        int outputs = 48;
        for (int i = 0; i < batch; i++) {
            int[] tokens = Arrays.copyOf(prompts.prompt(2_000_000 + i).tokens(), prompt);
            for (int j = 0; j < tokens.length; j++) {
                tokens[j] = Math.max(tokens[j], 6);
            }
            s.submit(GenerationRequest.greedy("mfu-" + i, tokens, outputs));
        }
        s.runUntilIdle();
        s.close();
        // Skip the first decode steps (warm-up of new shapes).
        List<Long> steady = decodeNanos.subList(Math.min(4, decodeNanos.size()), decodeNanos.size());
        double stepMs = steady.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        int context = prompt + outputs / 2;
        double tokensPerS = batch / (stepMs / 1e3);
        double gflops = tokensPerS * stack.flopsPerToken(context) / 1e9;
        log.accept(String.format("bench: decode at batch %d: %.2f ms/step, %.0f tokens/s, %.2f GFLOP/s of %.1f peak",
                batch, stepMs, tokensPerS, gflops, peakGflops));
        return new BenchReport.Mfu(batch, context, stepMs, tokensPerS, gflops, peakGflops, gflops / peakGflops);
    }

    private BenchReport.PromptMix mix(ArrivalTrace t) {
        int[] lengths = t.arrivals().stream().mapToInt(a -> a.prompt().tokens().length).toArray();
        return new BenchReport.PromptMix(prompts.name(), lengths.length, Arrays.stream(lengths).average().orElse(0),
                Arrays.stream(lengths).min().orElse(0), Arrays.stream(lengths).max().orElse(0),
                t.arrivals().stream().mapToInt(a -> a.prompt().maxTokens()).average().orElse(0));
    }

    private static Optional<BenchRun> find(List<BenchRun> runs, String kind) {
        return runs.stream().filter(r -> r.scheduler().equals(kind)).findFirst();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    public static String rateText(double rate) {
        return Double.isInfinite(rate) ? "inf" : (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate));
    }
}
