package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.serving.backend.ShapeProfile;
import dev.aisle.engine.serving.bench.BenchReport;
import dev.aisle.engine.serving.bench.BenchRun;
import dev.aisle.engine.serving.bench.BenchTargets;
import dev.aisle.engine.serving.bench.Benchmark;
import dev.aisle.engine.serving.bench.EvidencePromptSource;
import dev.aisle.engine.serving.bench.PromptSource;
import dev.aisle.engine.serving.bench.QuestionPromptSource;
import dev.aisle.engine.serving.metrics.MetricsSnapshot;
import dev.aisle.engine.serving.metrics.Percentiles;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.serving.setup.ServingStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchClosedLoopCommand.class,
        description = "Load benchmark of the serving engine: seeded Poisson arrivals of realistic shopping prompts,"
                + " the DESIGN serving metrics as p50/p90/p99, goodput, MFU.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scheduler", defaultValue = "continuous",
            description = "continuous, static or sequential (default ${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--compare", description = "run continuous, static and sequential on the same trace and print ratios")
    boolean compare;

    @Option(names = "--rate", description = "arrival rate in requests/s; 'inf' sends all at once (default 4)")
    String rate;

    @Option(names = "--rates", split = ",", description = "a sweep of rates, e.g. 2,4,8")
    List<String> rates;

    @Option(names = "--requests", defaultValue = "100", description = "requests per run (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--seed", defaultValue = "42", description = "seed of arrivals and prompts (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--backend", defaultValue = "cpu", description = "cpu, neuron, neuron-profile, or a plugin backend's name (see 'aisle plugins')"
            + " (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--shapes", description = "neuron shape buckets: batch sizes / prefill lengths, e.g. 1,2,4,8,16,32/64,128,256,512")
    String shapes;

    @Option(names = "--model", description = "model directory, or 'default' for the shipped model (default: random weights of"
            + " the default shape)")
    String model;

    @Option(names = "--prompts", defaultValue = "synthetic", description = "synthetic: generated evidence through the chat"
            + " layout (needs no corpus); questions: the corpus' held-out evaluation questions, retrieved for by the RAG"
            + " pipeline of AISLE_HOME, answers up to the served limit (default: ${DEFAULT-VALUE})")
    String prompts;

    @Option(names = "--max-running", defaultValue = "32", description = "batch size limit (default ${DEFAULT-VALUE})")
    int maxRunning;

    @Option(names = "--max-batched-tokens", defaultValue = "256", description = "tokens per step (default ${DEFAULT-VALUE})")
    int maxBatchedTokens;

    @Option(names = "--max-waiting", defaultValue = "4096", description = "queue bound (default ${DEFAULT-VALUE})")
    int maxWaiting;

    @Option(names = "--kv-blocks", defaultValue = "2048", description = "KV pool blocks (default ${DEFAULT-VALUE})")
    int kvBlocks;

    @Option(names = "--block-size", defaultValue = "16", description = "tokens per KV block (default ${DEFAULT-VALUE})")
    int blockSize;

    @Option(names = "--ttft-target", defaultValue = "2000", description = "goodput TTFT target, ms (default ${DEFAULT-VALUE})")
    double ttftTarget;

    @Option(names = "--tpot-target", defaultValue = "100", description = "goodput TPOT target, ms (default ${DEFAULT-VALUE})")
    double tpotTarget;

    @Option(names = "--no-mfu", description = "skip the matmul peak and decode MFU measurement")
    boolean noMfu;

    @Option(names = "--trace-out", description = "write a Chrome trace (Perfetto) and a JSONL event file per run, named after FILE")
    Path traceOut;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Option(names = "--retrieval", description = "instead: retrieval quality (nDCG@10, recall@20, MRR for BM25, dense,"
            + " hybrid) on the held-out judged queries and retrieval latency p50/p95")
    boolean retrieval;

    @Option(names = "--analysis", description = "instead: question analysis against the corpus' own questions (intent"
            + " confusion, products named against the products asked about, judged queries misread as naming one), per split")
    boolean analysis;

    @Option(names = "--model-speed", description = "instead: single-request decode tokens/s, 512-token prefill ms and"
            + " batch-32 decode of the model (--model DIR, default random weights of the default shape)")
    boolean modelSpeed;

    @Override
    public Integer call() throws Exception {
        if (retrieval) {
            dev.aisle.engine.rag.RetrievalBench.main(json ? new String[]{"--json"} : new String[0]);
            return 0;
        }
        if (analysis) {
            dev.aisle.engine.rag.analysis.AnalysisBench.main(new String[0]);
            return 0;
        }
        if (modelSpeed) {
            dev.aisle.engine.model.ModelBench.main(model == null ? new String[0] : new String[]{modelDir().toString()});
            return 0;
        }
        List<Double> rateList = new ArrayList<>();
        if (rates != null && !rates.isEmpty()) {
            rates.forEach(r -> rateList.add(parseRate(r)));
        } else {
            rateList.add(parseRate(rate == null ? "4" : rate));
        }
        List<String> schedulers = compare ? List.of("continuous", "static", "sequential") : List.of(scheduler);
        if (!prompts.equals("synthetic") && !prompts.equals("questions")) {
            throw new IllegalArgumentException("--prompts must be 'synthetic' or 'questions', got \"" + prompts + "\"");
        }
        ServingOptions options = new ServingOptions(backend, Optional.ofNullable(model).map(m -> modelDir()), kvBlocks,
                blockSize, maxRunning, maxBatchedTokens, maxWaiting,
                shapes == null ? ShapeProfile.defaults() : ShapeProfile.parse(shapes), 7);
        PrintStream err = System.err;
        err.println("bench: loading " + (model == null ? "random weights (default shape)" : model) + " on " + backend);
        try (ServingStack stack = ServingStack.open(options);
             AssistantRuntime rag = prompts.equals("questions") ? AssistantRuntime.open(home(), List.of(), err) : null) {
            PromptSource source = rag == null ? new EvidencePromptSource(stack.tokenizer(), seed)
                    : QuestionPromptSource.heldOut(rag.corpus(), rag.rag(), stack.tokenizer(), seed);
            Benchmark bench = new Benchmark(stack, source, err::println);
            BenchReport report = bench.run(new Benchmark.Plan(schedulers, rateList, requests, seed,
                    new BenchTargets(ttftTarget, tpotTarget), Optional.ofNullable(traceOut),
                    noMfu ? List.of() : List.of(1, 32), Duration.ofMinutes(30)));
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                print(report, System.out);
            }
        }
        return 0;
    }

    private AisleHome home() {
        return AisleHome.fromEnvironment();
    }

    /** "default" is the shipped model under AISLE_HOME, anything else a model directory. */
    private Path modelDir() {
        return AssistantRuntime.resolveModel(home(), model);
    }

    /** A ratio, or what it means when the baseline was zero (e.g. static's goodput when every request missed). */
    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a (baseline 0)" : String.format("%.2fx", ratio);
    }

    private static double parseRate(String r) {
        if (r.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double d = Double.parseDouble(r);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--rate must be a positive number of requests/s or 'inf', got \"" + r + "\"");
    }

    static void print(BenchReport r, PrintStream out) {
        BenchReport.Setup s = r.setup();
        out.printf("model %s, %,d parameters; backend %s; KV %d blocks x %d tokens; max batch %d, %d tokens/step%n",
                s.model(), s.parameters(), s.backend(), s.kvBlocks(), s.blockSize(), s.maxRunning(), s.maxBatchedTokens());
        out.printf("cores %d; %s%n", s.cores(), s.note());
        out.printf("prompts: %s; %d requests, prompt tokens mean %.0f (min %d, max %d), max output tokens mean %.0f%n%n",
                r.prompts().source(), r.prompts().requests(), r.prompts().promptTokensMean(), r.prompts().promptTokensMin(),
                r.prompts().promptTokensMax(), r.prompts().maxTokensMean());
        out.printf("%-11s %6s %9s %7s %-20s %-20s %-20s %-20s %-20s %6s %6s %6s %7s %7s %6s %7s%n", "scheduler", "rate",
                "out tok/s", "req/s", "ttft_ms p50/90/99", "itl_ms p50/90/99", "tpot_ms p50/90/99", "e2e_ms p50/90/99",
                "queue_ms p50/90/99", "batch", "kv%", "preempt", "padding", "sched%", "good%", "rss MB");
        for (BenchRun run : r.runs()) {
            MetricsSnapshot m = run.metrics();
            out.printf("%-11s %6s %9.0f %7.2f %-20s %-20s %-20s %-20s %-20s %6.1f %6.1f %6d %7.3f %7.2f %6.1f %7.0f%n",
                    run.scheduler(), Benchmark.rateText(run.rate()), m.outputTokensPerS(), m.requestsPerS(), p(m.ttftMs()),
                    p(m.itlMs()), p(m.tpotMs()), p(m.e2eMs()), p(m.queueMs()), m.batchSizeMean(), 100 * m.kvUsagePeak(),
                    m.preemptions(), m.paddingWaste(), 100 * m.schedulerShare(), 100 * run.goodput(), run.residentMb());
        }
        if (!r.comparisons().isEmpty()) {
            out.println();
            for (BenchReport.Comparison c : r.comparisons()) {
                out.printf("rate %s: continuous/static throughput %s, continuous/sequential %s, "
                                + "static p99 TTFT / continuous p99 TTFT %s, goodput/s vs static %s%n",
                        Benchmark.rateText(c.rate()), times(c.throughputVsStatic()), times(c.throughputVsSequential()),
                        times(c.p99TtftStaticOverContinuous()), times(c.goodputVsStatic()));
            }
        }
        for (BenchReport.Mfu m : r.mfu()) {
            out.printf("%nMFU decode batch %d (context %d): %.2f ms/step, %.0f tokens/s, %.2f GFLOP/s of %.1f GFLOP/s "
                    + "matmul peak = %.2f%%", m.batch(), m.context(), m.stepMs(), m.tokensPerS(), m.gflops(),
                    m.peakGflops(), 100 * m.mfu());
        }
        out.println();
    }

    private static String p(Percentiles p) {
        return p.count() == 0 ? "-" : String.format("%.0f/%.0f/%.0f", p.p50(), p.p90(), p.p99());
    }
}
