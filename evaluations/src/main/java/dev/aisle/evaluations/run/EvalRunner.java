package dev.aisle.evaluations.run;

import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.Metric;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.stats.Summary;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.SystemAnswer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Runs one configuration over a suite, item by item, and scores every metric. */
public final class EvalRunner {

    private static final int REPORTED_RANKS = 10;

    private final MetricRegistry metrics;
    private final Catalogue catalogue;
    private final Progress.Listener progress;
    private final int parallel;
    private final BooleanSupplier stopRequested;

    public EvalRunner(MetricRegistry metrics, Catalogue catalogue, Progress.Listener progress) {
        this(metrics, catalogue, progress, 1, () -> false);
    }

    /**
     * @param parallel      items asked at once: with the assistant, the continuous scheduler then batches
     *                      their decoding (quality figures are unchanged; latency figures include the
     *                      queueing that the parallel items cause each other)
     * @param stopRequested asked before each item; once true the run ends and its result holds the
     *                      items done so far (the workbench's stop button)
     */
    public EvalRunner(MetricRegistry metrics, Catalogue catalogue, Progress.Listener progress, int parallel,
                      BooleanSupplier stopRequested) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel items must be >= 1, got " + parallel);
        }
        this.metrics = metrics;
        this.catalogue = catalogue;
        this.progress = progress;
        this.parallel = parallel;
        this.stopRequested = stopRequested;
    }

    public ConfigRun run(Suite suite, SystemUnderTest sut) {
        String config = sut.configuration().name();
        Set<SuiteKind> missing = EnumSet.noneOf(SuiteKind.class);
        suite.items().forEach(i -> missing.add(i.kind()));
        missing.removeAll(sut.system().supportedKinds());
        if (!missing.isEmpty()) {
            boolean answers = missing.contains(SuiteKind.ANSWER) || missing.contains(SuiteKind.ADVERSARIAL);
            throw new IllegalArgumentException((answers ? "answer suites need the assistant pipeline: " : "")
                    + "suite '" + suite.name() + "' has " + missing.stream().map(SuiteKind::wireName).toList()
                    + " items, and configuration '" + config + "' runs only "
                    + sut.system().supportedKinds().stream().map(SuiteKind::wireName).toList() + " items");
        }
        long t0 = System.nanoTime();
        String label = "eval " + suite.name() + " [" + config + "]";
        int total = suite.items().size();
        progress.update(label, 0, total);
        AtomicInteger done = new AtomicInteger();
        List<ItemResult> results = inOrder(suite.items(), item -> {
            if (stopRequested.getAsBoolean()) {
                return null;
            }
            ItemResult r = runItem(item, sut);
            progress.update(label, done.incrementAndGet(), total);
            return r;
        }).stream().filter(Objects::nonNull).toList();
        int errors = (int) results.stream().filter(r -> !r.error().isEmpty()).count();
        return new ConfigRun(sut.configuration(), sut.system().lineage(), results, aggregate(metrics, results), errors,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Runs {@code task} on every item, {@link #parallel} at a time, keeping the items' order (null: skipped). */
    private List<ItemResult> inOrder(List<SuiteItem> items, Function<SuiteItem, ItemResult> task) {
        if (parallel == 1) {
            List<ItemResult> out = new ArrayList<>();
            items.forEach(i -> out.add(task.apply(i)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "aisle-eval-item");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ItemResult>> futures = items.stream().map(i -> pool.submit(() -> task.apply(i))).toList();
            List<ItemResult> out = new ArrayList<>();
            for (Future<ItemResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ItemResult runItem(SuiteItem item, SystemUnderTest sut) {
        long start = System.nanoTime();
        SystemAnswer answer;
        try {
            answer = sut.system().answer(item, sut.configuration());
        } catch (Exception | LinkageError e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new ItemResult(item.id(), item.kind().wireName(), item.question(), Map.of(), "", List.of(), List.of(), why);
        }
        if (answer.e2eMs().isEmpty()) {
            answer = answer.withTimings(answer.ttftMs(), OptionalDouble.of((System.nanoTime() - start) / 1e6));
        }
        Observation o = new Observation(item, answer, catalogue);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics.all()) {
            OptionalDouble v = m.score(o);
            if (v.isPresent()) {
                values.put(m.name(), v.getAsDouble());
            }
        }
        List<String> top = answer.rankedIds().subList(0, Math.min(REPORTED_RANKS, answer.rankedIds().size()));
        return new ItemResult(item.id(), item.kind().wireName(), item.question(), values, answer.answerText(), top,
                answer.evidence(), "");
    }

    public static List<MetricAggregate> aggregate(MetricRegistry metrics, List<ItemResult> results) {
        List<MetricAggregate> out = new ArrayList<>();
        for (Metric m : metrics.all()) {
            double[] v = results.stream().filter(r -> r.values().containsKey(m.name()))
                    .mapToDouble(r -> r.values().get(m.name())).toArray();
            if (v.length == 0) {
                continue;
            }
            out.add(new MetricAggregate(m.name(), m.group().name().toLowerCase(), m.higherIsBetter(), v.length,
                    Summary.mean(v), Summary.percentile(v, 0.5), Summary.percentile(v, 0.9), Summary.percentile(v, 0.99)));
        }
        return out;
    }
}
