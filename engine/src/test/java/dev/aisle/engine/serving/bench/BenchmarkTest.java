package dev.aisle.engine.serving.bench;

import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.IterationScheduler;
import dev.aisle.engine.serving.scheduler.PrefixHashBackend;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import dev.aisle.engine.serving.scheduler.StaticBatchScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkTest {

    /** Prompts of 20–80 tokens with answers of 4–24 tokens, from the index alone. */
    static final PromptSource PROMPTS = new PromptSource() {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public BenchPrompt prompt(int index) {
            Random r = new Random(index);
            int[] t = new int[20 + r.nextInt(60)];
            for (int i = 0; i < t.length; i++) {
                t[i] = 6 + r.nextInt(58);
            }
            return new BenchPrompt("p" + index, t, 4 + r.nextInt(20));
        }
    };

    static final class Subject implements BenchSubject {
        final PrefixHashBackend backend = new PrefixHashBackend(64, 512, 8, 512, 1_000_003);
        final SchedulerConfig config = new SchedulerConfig(8, 64, 1000, PrefixHashBackend.END);

        @Override
        public IterationScheduler newScheduler(String kind) {
            return switch (kind) {
                case "continuous" -> new ContinuousScheduler(backend, config);
                case "static" -> new StaticBatchScheduler(backend, config);
                default -> StaticBatchScheduler.sequential(backend, config);
            };
        }

        @Override
        public SchedulerConfig schedulerConfig() {
            return config;
        }

        @Override
        public BackendInfo backendInfo() {
            return backend.info();
        }

        @Override
        public String modelDescription() {
            return "prefix-hash";
        }

        @Override
        public long parameters() {
            return 0;
        }

        @Override
        public double flopsPerToken(int context) {
            return 1;
        }
    }

    @Test
    void poissonTraceIsSeededAndHasTheRequestedMeanRate() {
        ArrivalTrace a = ArrivalTrace.poisson(10, 2000, PROMPTS, 3);
        ArrivalTrace b = ArrivalTrace.poisson(10, 2000, PROMPTS, 3);
        assertEquals(a.arrivals().get(1999).offsetNanos(), b.arrivals().get(1999).offsetNanos());
        double seconds = a.arrivals().get(1999).offsetNanos() / 1e9;
        assertTrue(seconds > 180 && seconds < 220, "2000 arrivals at 10/s should span about 200 s, got " + seconds);
        assertEquals(0, ArrivalTrace.poisson(Double.POSITIVE_INFINITY, 5, PROMPTS, 1).arrivals().get(4).offsetNanos());
    }

    @Test
    void compareRunsAllSchedulersOnOneTraceAndWritesTraces(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        Benchmark bench = new Benchmark(new Subject(), PROMPTS, log::add);
        BenchReport report = bench.run(new Benchmark.Plan(List.of("continuous", "static", "sequential"),
                List.of(Double.POSITIVE_INFINITY), 24, 5, new BenchTargets(60_000, 60_000),
                Optional.of(dir.resolve("trace.json")), List.of(), Duration.ofMinutes(2)));
        assertEquals(3, report.runs().size());
        for (BenchRun run : report.runs()) {
            assertEquals(24, run.metrics().finished(), run.scheduler());
            assertEquals(24L, run.metrics().finishReasons().get("length"), run.scheduler());
            assertEquals(1.0, run.goodput(), run.scheduler());
        }
        long expectedTokens = 0;
        for (int i = 0; i < 24; i++) {
            expectedTokens += PROMPTS.prompt(i).maxTokens();
        }
        for (BenchRun run : report.runs()) {
            assertEquals(expectedTokens, run.metrics().outputTokens(), run.scheduler() + " produced every token");
        }
        assertEquals(1, report.comparisons().size());
        assertTrue(report.runs().get(2).metrics().batchSizeMax() == 1, "sequential never batches");
        assertTrue(report.runs().get(1).metrics().paddingWaste() > 0, "static pads");
        assertTrue(Files.size(dir.resolve("trace-continuous-rinf.json")) > 0);
        assertTrue(Files.size(dir.resolve("trace-static-rinf.jsonl")) > 0);
        assertTrue(report.prompts().promptTokensMin() >= 20);
    }
}
