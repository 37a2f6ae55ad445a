package dev.aisle.app.cli;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.markup.MarkupExtensions;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.evaluations.adapters.AssistantSystems;
import dev.aisle.evaluations.adapters.EngineSystems;
import dev.aisle.evaluations.adapters.FeedbackPreferences;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.metric.PluginMetric;
import dev.aisle.evaluations.report.ResultsJson;
import dev.aisle.evaluations.report.RunFiles;
import dev.aisle.evaluations.run.BaselineSystems;
import dev.aisle.evaluations.run.ConfigRun;
import dev.aisle.evaluations.run.Evaluation;
import dev.aisle.evaluations.run.MetricAggregate;
import dev.aisle.evaluations.run.PreferencesJsonl;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.run.RunResult;
import dev.aisle.evaluations.run.SystemResolver;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.run.Threshold;
import dev.aisle.evaluations.stats.MetricDifference;
import dev.aisle.evaluations.stats.Preference;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteJsonl;
import dev.aisle.evaluations.suite.SuiteSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code aisle eval}: runs a suite against one or two configurations and writes results.json and report.html. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run an evaluation suite and write results.json and a self-contained report.html.",
                "Suites: retrieval, answers, adversarial, smoke, product-qa, or a .jsonl / .csv file.",
                "Configurations: bm25, bm25-title (baselines), rag-hybrid, rag-bm25, rag-dense (engine retrieval),",
                "rag-evidence-hybrid, rag-evidence-bm25, rag-evidence-dense (engine product-QA ranker),",
                "default or NAME:model=DIR[,maxNewTokens=N,temperature=T,seed=S] (the assistant pipeline).",
                "Exit codes: 0 ok, 1 error, 2 bad usage, 3 a --fail-under threshold failed."})
public final class EvalCommand implements Callable<Integer> {

    public static final int THRESHOLD_FAILED = 3;

    @Option(names = "--suite", description = "suite name or file (default: ${DEFAULT-VALUE})", defaultValue = "smoke")
    String suiteName;

    @Option(names = "--config", description = "configuration; give twice for a paired comparison (A, then B)")
    List<String> configs = new ArrayList<>();

    @Option(names = "--out", description = "output folder (default: AISLE_HOME/runs/<timestamp>-<suite>)")
    Path out;

    @Option(names = "--json", description = "print one JSON summary object on stdout")
    boolean json;

    @Option(names = "--fail-under", paramLabel = "METRIC=VALUE",
            description = "fail (exit 3) when a configuration's suite mean is worse than VALUE; repeatable")
    List<String> failUnder = new ArrayList<>();

    @Option(names = "--limit", description = "run only the first N items", defaultValue = "0")
    int limit;

    @Option(names = "--parallel", defaultValue = "1", description = "items asked at once, batched by the continuous "
            + "scheduler; quality figures are unchanged, latency figures then include queueing (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--seed", description = "seed of the bootstrap (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--resamples", description = "bootstrap resamples (default: ${DEFAULT-VALUE})", defaultValue = "2000")
    int resamples;

    @Option(names = "--data", description = "product-QA CSV for --suite product-qa (default: the bundled sample)")
    Path data;

    @Option(names = "--preferences", paramLabel = "FILE|feedback",
            description = "pairwise preferences to summarise (win rates, Bradley–Terry): a JSONL file, or 'feedback' for the feedback store")
    String preferences;

    @Option(names = "--write-suite", description = "write the resolved suite as JSONL to this file and stop")
    Path writeSuite;

    @Option(names = "--metrics-doc", description = "write the metric definitions (Markdown) to this file and stop")
    Path metricsDoc;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            return run(err);
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            err.println("aisle eval: " + e.getMessage());
            return 1;
        }
    }

    private int run(PrintStream err) throws IOException {
        AisleHome home = AisleHome.fromEnvironment();
        // Plugin answer metrics join the standard ones. The registry is left open: a plugin's classes
        // must stay loadable for the whole run, and the JVM ends with the command.
        PluginRegistry plugins = PluginRegistry.load(home.pluginsDir(), EvalCommand.class.getClassLoader());
        MetricRegistry metrics = MetricRegistry.withPlugins(plugins.answerMetrics(), err);
        if (metricsDoc != null) {
            Files.writeString(metricsDoc, metrics.toMarkdown(), StandardCharsets.UTF_8);
            err.println("aisle eval: wrote " + metricsDoc);
            return 0;
        }
        List<Threshold> thresholds = failUnder.stream().map(s -> Threshold.parse(s, metrics)).toList();
        if (configs.size() > 2) {
            throw new IllegalArgumentException("--config may be given once or twice, got " + configs.size() + ": " + configs);
        }
        Supplier<Corpus> corpus = memo(() -> loadCorpus(home, err));
        Suite suite = new SuiteSource(corpus, Optional.ofNullable(data)).load(suiteName).limit(limit);
        if (writeSuite != null) {
            SuiteJsonl.write(suite, writeSuite);
            err.println("aisle eval: wrote " + suite.items().size() + " items of suite " + suite.name() + " to " + writeSuite);
            return 0;
        }
        if (suite.items().isEmpty()) {
            throw new IllegalArgumentException("suite " + suite.name() + " has no items (" + suite.source() + ")");
        }
        boolean productQa = suite.items().stream().allMatch(i -> !i.candidates().isEmpty());
        // Answers may use the plugins' product elements (<deal id="…"/>); they are valid markup like a card.
        List<String> productTags = MarkupExtensions.of(plugins.markupElements(), Runnable::run, Duration.ofSeconds(1),
                warning -> { }).productIdTags();
        Supplier<Catalogue> catalogue = memo(() -> productQa ? Catalogue.empty()
                : Catalogue.of(corpus.get().products()).withProductElements(productTags));
        AssistantSystems assistants = new AssistantSystems(home, err);
        SystemResolver resolver = new BaselineSystems(catalogue, new EngineSystems(corpus, home::indexDir, err, assistants));
        List<String> names = configs.isEmpty() ? List.of(resolver.defaultFor(suite)) : configs;
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw new IllegalArgumentException("--config A and B are both '" + names.get(0) + "'; compare two different configurations");
        }
        List<Preference> prefs = readPreferences(home);
        List<SystemUnderTest> systems = new ArrayList<>();
        try {
            for (String n : names) {
                systems.add(resolver.resolve(n, suite));
            }
            String corpusHash = productQa ? "none (product-QA file)" : corpus.get().contentHash();
            Evaluation.Settings settings = new Evaluation.Settings(seed, resamples, corpusHash, thresholds,
                    preferences == null ? "" : preferences.equals("feedback") ? "the feedback store " + home.feedbackDb() : preferences, prefs);
            RunResult result = new Evaluation(metrics, catalogue.get(), Progress.console(err), parallel, () -> false).run(suite, systems, settings);
            Path dir = out != null ? out : RunFiles.defaultDir(home.runsDir(), suite.name());
            RunFiles.write(result, suite, catalogue.get(), productQa, dir);
            printSummary(result, productQa ? null : corpus.get().trainingHash(), err);
            for (PluginMetric m : metrics.pluginMetrics()) {
                if (!m.failures().isEmpty()) {
                    err.println("aisle eval: plugin metric " + m.name() + " failed on " + m.failures().size()
                            + " item(s) (no value for them); first: " + m.failures().get(0));
                }
            }
            err.println("aisle eval: wrote " + dir.resolve("results.json") + " and " + dir.resolve("report.html"));
            if (json) {
                System.out.println(ResultsJson.summary(result, dir));
            }
            if (!result.failedThresholds().isEmpty()) {
                result.failedThresholds().forEach(c -> err.println("aisle eval: threshold failed: " + c.message()));
                return THRESHOLD_FAILED;
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            for (SystemUnderTest s : systems) {
                try {
                    s.system().close();
                } catch (Exception e) {
                    err.println("aisle eval: closing " + s.configuration().name() + ": " + e.getMessage());
                }
            }
            assistants.close();
        }
    }

    private List<Preference> readPreferences(AisleHome home) throws IOException {
        if (preferences == null) {
            return List.of();
        }
        if (preferences.equals("feedback")) {
            try (FeedbackStore store = FeedbackStore.openEmbedded(home)) {
                return FeedbackPreferences.read(store);
            }
        }
        return PreferencesJsonl.read(Path.of(preferences));
    }

    private static Corpus loadCorpus(AisleHome home, PrintStream err) {
        Path dir = home.corpusDir();
        try {
            if (CorpusStore.exists(dir)) {
                return CorpusStore.read(dir);
            }
            err.println("aisle eval: no corpus in " + dir + "; generating the default corpus (seed " + CorpusGenerator.DEFAULT_SEED + ")");
            return CorpusStore.loadOrGenerate(dir, CorpusGenerator.DEFAULT_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the corpus from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @param trainingHash the evaluated corpus' training hash, null for a product-QA file */
    private static void printSummary(RunResult r, String trainingHash, PrintStream err) {
        // A model trained on another corpus than the one it is judged on makes the figures hard to read.
        // Models record the training hash (older ones the full content hash): new judged queries are no other corpus.
        r.manifest().lineage().forEach((config, lineage) -> {
            String trained = lineage.getOrDefault("corpusHash", "");
            if (!Lineage.trainedOn(trained, r.manifest().corpusHash(), trainingHash)) {
                err.println("aisle eval: warning: " + config + "'s model was trained on corpus " + trained
                        + ", evaluated on " + r.manifest().corpusHash());
            }
        });
        for (ConfigRun run : r.runs()) {
            err.printf(Locale.ROOT, "%s on %s: %d items, %d errors, %.1f s%n", run.configuration().name(), r.manifest().suite(),
                    run.items().size(), run.errors(), run.wallSeconds());
            for (MetricAggregate a : run.aggregates()) {
                err.printf(Locale.ROOT, "  %-26s %10.4f  (n=%d%s)%n", a.metric(), a.mean(), a.n(),
                        a.group().equals("speed") ? String.format(Locale.ROOT, ", p50 %.2f p90 %.2f p99 %.2f", a.p50(), a.p90(), a.p99()) : "");
            }
        }
        r.preferences().overall().forEach(o -> {
            var bt = r.preferences().bradleyTerry().stream().filter(s -> s.system().equals(o.system())).findFirst().orElseThrow();
            err.printf(Locale.ROOT, "  preferences %-14s win rate %.3f [%.3f, %.3f]  Bradley-Terry %+.3f [%+.3f, %+.3f] (n=%d)%n",
                    o.system(), o.winRate().estimate(), o.winRate().low(), o.winRate().high(),
                    bt.theta().estimate(), bt.theta().low(), bt.theta().high(), o.comparisons());
        });
        for (MetricDifference d : r.comparison()) {
            err.printf(Locale.ROOT, "  B-A %-22s %+9.4f  [%+.4f, %+.4f]  %s (n=%d)%n", d.metric(), d.difference().estimate(),
                    d.difference().low(), d.difference().high(), d.verdict(), d.n());
        }
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
