package dev.aisle.evaluations.run;

import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.Metric;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.stats.Bootstrap;
import dev.aisle.evaluations.stats.MetricDifference;
import dev.aisle.evaluations.stats.PairedComparison;
import dev.aisle.evaluations.stats.Preference;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.system.Configuration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One evaluation: a suite, one or two configurations, thresholds and optional preferences. */
public final class Evaluation {

    /** What a run needs besides the systems. */
    public record Settings(long seed, int bootstrapResamples, String corpusHash, List<Threshold> thresholds,
                           String preferencesSource, List<Preference> preferences) {

        public Settings {
            thresholds = List.copyOf(thresholds);
            preferences = List.copyOf(preferences);
        }
    }

    public static final String AISLE_VERSION = "0.1.0-SNAPSHOT";

    private final MetricRegistry metrics;
    private final EvalRunner runner;
    private final BooleanSupplier stopRequested;

    public Evaluation(MetricRegistry metrics, Catalogue catalogue, Progress.Listener progress) {
        this(metrics, catalogue, progress, 1, () -> false);
    }

    /**
     * @param parallel      items asked at once (see {@link EvalRunner})
     * @param stopRequested asked before each item; once true the run ends with the items done so far
     */
    public Evaluation(MetricRegistry metrics, Catalogue catalogue, Progress.Listener progress, int parallel,
                      BooleanSupplier stopRequested) {
        this.metrics = metrics;
        this.runner = new EvalRunner(metrics, catalogue, progress, parallel, stopRequested);
        this.stopRequested = stopRequested;
    }

    public RunResult run(Suite suite, List<SystemUnderTest> systems, Settings settings) {
        if (systems.isEmpty() || systems.size() > 2) {
            throw new IllegalArgumentException("an evaluation runs one or two configurations, got " + systems.size());
        }
        String started = Instant.now().toString();
        List<ConfigRun> runs = new ArrayList<>();
        for (SystemUnderTest s : systems) {
            if (!runs.isEmpty() && stopRequested.getAsBoolean()) {
                break;
            }
            runs.add(runner.run(suite, s));
        }
        Bootstrap bootstrap = new Bootstrap(settings.seed(), settings.bootstrapResamples());
        List<MetricDifference> comparison = runs.size() == 2 ? compare(runs.get(0), runs.get(1), bootstrap) : List.of();
        Map<String, Map<String, String>> lineage = new LinkedHashMap<>();
        List<Configuration> configs = new ArrayList<>();
        for (ConfigRun r : runs) {
            configs.add(r.configuration());
            lineage.put(r.configuration().name(), r.lineage());
        }
        RunManifest manifest = new RunManifest(suite.name(), suite.source(), suiteHash(suite), suite.items().size(), settings.seed(),
                settings.bootstrapResamples(), settings.corpusHash(), configs, lineage, started, AISLE_VERSION,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        PreferenceSummary prefs = PreferenceSummary.of(settings.preferencesSource(), settings.preferences(), bootstrap);
        return new RunResult(manifest, runs, comparison, prefs, Threshold.checkAll(settings.thresholds(), runs));
    }

    /** SHA-256 of the suite as JSONL: the same hash means the same items, whatever file they came from. */
    public static String suiteHash(Suite suite) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            dev.aisle.evaluations.suite.SuiteJsonl.write(suite, w);
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash suite " + suite.name(), e);
        }
    }

    List<MetricDifference> compare(ConfigRun a, ConfigRun b, Bootstrap bootstrap) {
        Map<String, Boolean> direction = new LinkedHashMap<>();
        for (Metric m : metrics.all()) {
            direction.put(m.name(), m.higherIsBetter());
        }
        return PairedComparison.compare(valuesByItem(a), valuesByItem(b), direction, bootstrap);
    }

    private static Map<String, Map<String, Double>> valuesByItem(ConfigRun run) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        run.items().forEach(i -> out.put(i.itemId(), i.values()));
        return out;
    }
}
