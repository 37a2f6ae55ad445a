package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.assistant.AnswerHandle;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.adapters.AssistantSystems;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.report.RunFiles;
import dev.aisle.evaluations.run.ConfigRun;
import dev.aisle.evaluations.run.Evaluation;
import dev.aisle.evaluations.run.MetricAggregate;
import dev.aisle.evaluations.run.RunResult;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.stats.MetricDifference;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The evaluations module's runner on the workbench's own {@link AssistantRuntime}: the suites come
 * from {@link SuiteSource} on the runtime's corpus, every chat configuration is the assistant under
 * its engine configuration (same loaded model and scheduler as the chat), metrics are the
 * standard registry, and each run writes results.json + report.html under AISLE_HOME/runs as
 * {@code aisle eval} does. Every answer's AnswerTrace is kept so an item opens in the inspector.
 */
public final class SuiteEvaluations implements EvaluationService {

    /** Suites the assistant can run; product-QA ranks its own candidates, which the assistant does not. */
    static final List<String> SUITES = List.of("smoke", "adversarial", "answers", "retrieval");
    private static final long BOOTSTRAP_SEED = 42;
    private static final int BOOTSTRAP_RESAMPLES = 2000;

    private final AssistantRuntime runtime;
    private final AssistantAnswers answers;
    private final Path runsDir;
    private final MetricRegistry metrics = MetricRegistry.standard();
    private volatile boolean cancelled;
    private final AtomicReference<AnswerHandle> inFlight = new AtomicReference<>();

    /** @param answers maps the chat's configurations to the engine configurations they stand for */
    public SuiteEvaluations(AssistantRuntime runtime, AssistantAnswers answers) {
        this.runtime = runtime;
        this.answers = answers;
        this.runsDir = runtime.home().runsDir();
    }

    @Override
    public List<String> suites() {
        return SUITES;
    }

    @Override
    public Report run(Request request, Consumer<Progress> progress) throws Exception {
        cancelled = false;
        Corpus corpus = runtime.corpus();
        Suite suite = new SuiteSource(() -> corpus, Optional.empty()).load(request.suite()).limit(request.limit());
        if (suite.items().isEmpty()) {
            throw new IllegalArgumentException("suite " + suite.name() + " has no items (" + suite.source() + ")");
        }
        Catalogue catalogue = Catalogue.of(corpus.products()).withProductElements(runtime.markupElements().productIdTags());
        Map<String, CompletableFuture<AnswerTrace>> traces = new ConcurrentHashMap<>();
        int perConfig = suite.items().size();
        int total = perConfig * request.configs().size();
        AtomicInteger config = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger();
        dev.aisle.evaluations.run.Progress.Listener counted = (label, doneInConfig, totalInConfig) -> {
            if (doneInConfig == 0) {
                config.incrementAndGet();
            }
            done.set(config.get() * perConfig + doneInConfig);
            progress.accept(new Progress(done.get(), total, doneInConfig == totalInConfig ? "" : label));
        };
        AssistantSystems.AnswerObserver observer = (name, item, handle) -> {
            traces.put(key(name, item.id()), handle.done());
            inFlight.set(handle);
            if (cancelled) {
                handle.cancel().run();
            }
            progress.accept(new Progress(done.get(), total, name + ": " + item.question()));
        };
        try (AssistantSystems systems = AssistantSystems.on(runtime, observer)) {
            List<SystemUnderTest> suts = new ArrayList<>();
            for (AssistantConfig c : request.configs()) {
                suts.add(systems.resolve(answers.engineConfig(c)));
            }
            Evaluation.Settings settings = new Evaluation.Settings(BOOTSTRAP_SEED, BOOTSTRAP_RESAMPLES,
                    corpus.contentHash(), List.of(), "", List.of());
            // One item at a time: Stop cancels the one answer in flight, and the chat keeps its share of the scheduler.
            RunResult result = new Evaluation(metrics, catalogue, counted, 1, () -> cancelled).run(suite, suts, settings);
            Path dir = RunFiles.defaultDir(runsDir, suite.name());
            RunFiles.write(result, suite, catalogue, false, dir);
            return report(result, traces, cancelled, dir);
        } finally {
            inFlight.set(null);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        AnswerHandle h = inFlight.get();
        if (h != null) {
            h.cancel().run();
        }
    }

    private Report report(RunResult result, Map<String, CompletableFuture<AnswerTrace>> traces, boolean stopped, Path dir) {
        List<ConfigSummary> summaries = new ArrayList<>();
        List<ItemResult> items = new ArrayList<>();
        for (ConfigRun run : result.runs()) {
            String name = run.configuration().name();
            int passed = 0;
            double scoreSum = 0;
            int scored = 0;
            for (dev.aisle.evaluations.run.ItemResult r : run.items()) {
                ItemVerdict v = ItemVerdict.of(r, metrics);
                AnswerTrace trace = finished(traces.get(key(name, r.itemId())));
                String detail = v.detail();
                boolean ok = v.passed();
                if (trace != null && "cancelled".equals(trace.finishReason())) {
                    ok = false;
                    detail = "stopped: the answer was cut short" + (detail.isEmpty() ? "" : "; " + detail);
                }
                passed += ok ? 1 : 0;
                if (!Double.isNaN(v.score())) {
                    scoreSum += v.score();
                    scored++;
                }
                items.add(new ItemResult(r.itemId(), name, r.question(), ok, v.score(), detail, trace));
            }
            Map<String, Double> means = new LinkedHashMap<>();
            for (MetricAggregate a : run.aggregates()) {
                means.put(a.metric(), a.mean());
            }
            summaries.add(new ConfigSummary(name, run.items().size(), passed, run.errors(),
                    scored == 0 ? Double.NaN : scoreSum / scored, means));
        }
        List<Difference> comparison = new ArrayList<>();
        for (MetricDifference d : result.comparison()) {
            comparison.add(new Difference(d.metric(), d.difference().estimate(), d.difference().low(),
                    d.difference().high(), d.verdict(), d.n()));
        }
        return new Report(result.manifest().suite(), summaries, items, comparison, stopped, dir.toString());
    }

    /** The trace of an answer that ended; an answer still running (timed out) has none to show yet. */
    private static AnswerTrace finished(CompletableFuture<AnswerTrace> done) {
        if (done == null || !done.isDone() || done.isCompletedExceptionally()) {
            return null;
        }
        return done.join();
    }

    private static String key(String config, String itemId) {
        return config + '\u0001' + itemId;
    }
}
