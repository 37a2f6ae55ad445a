package dev.aisle.evaluations.run;

import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.stats.Preference;
import dev.aisle.evaluations.suite.GradedJudgment;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.AnswerSystem;
import dev.aisle.evaluations.system.Configuration;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    /** Ranks a fixed list; "broken" items throw, to check that one failure does not stop the run. */
    record FixedRanker(List<String> ranking) implements AnswerSystem {
        @Override
        public Set<SuiteKind> supportedKinds() {
            return Set.of(SuiteKind.RETRIEVAL);
        }

        @Override
        public SystemAnswer answer(SuiteItem item, Configuration configuration) {
            if (item.id().equals("broken")) {
                throw new IllegalStateException("index closed");
            }
            return SystemAnswer.ranking(ranking, 2.0);
        }
    }

    static Suite suite(int n) {
        List<SuiteItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(SuiteItem.builder("q" + i, SuiteKind.RETRIEVAL, "trail shoes")
                    .judgments(List.of(new GradedJudgment(Fixtures.TRAIL, 3), new GradedJudgment(Fixtures.ROAD, 1))).build());
        }
        return new Suite("mini", "test", items);
    }

    private static SystemUnderTest sut(String name, List<String> ranking) {
        return new SystemUnderTest(new Configuration(name, Map.of("ranking", ranking.toString())), new FixedRanker(ranking));
    }

    private static Evaluation.Settings settings(List<Threshold> thresholds, List<Preference> prefs) {
        return new Evaluation.Settings(9, 200, "sha256:test", thresholds, "prefs.jsonl", prefs);
    }

    @Test
    void pairedRunComparesItemByItemAndRecordsTheManifest() {
        MetricRegistry metrics = MetricRegistry.standard();
        List<Integer> progress = new ArrayList<>();
        Evaluation e = new Evaluation(metrics, Fixtures.catalogue(), (label, done, total) -> progress.add(done));
        RunResult r = e.run(suite(20), List.of(sut("A", List.of(Fixtures.ROAD, Fixtures.TRAIL)), sut("B", List.of(Fixtures.TRAIL, Fixtures.ROAD))),
                settings(List.of(Threshold.parse("mrr=0.9", metrics)), List.of()));
        assertEquals(0.5, r.runs().get(0).aggregate("mrr").orElseThrow().mean(), 1e-12);
        assertEquals(1.0, r.runs().get(1).aggregate("mrr").orElseThrow().mean(), 1e-12);
        var mrr = r.comparison().stream().filter(d -> d.metric().equals("mrr")).findFirst().orElseThrow();
        assertEquals(20, mrr.n());
        assertEquals(0.5, mrr.difference().estimate(), 1e-12);
        assertEquals("B better", mrr.verdict());
        assertEquals(9, r.manifest().seed());
        assertEquals("sha256:test", r.manifest().corpusHash());
        assertEquals(64, r.manifest().suiteHash().length());
        assertEquals(List.of("A", "B"), r.manifest().configurations().stream().map(Configuration::name).toList());
        assertEquals(1, r.failedThresholds().size(), "A's mrr 0.5 is under 0.9, B passes");
        assertEquals("A", r.failedThresholds().get(0).configuration());
        assertEquals(20, progress.get(progress.size() - 1));
    }

    @Test
    void aFailingItemIsRecordedAndTheRunGoesOn() {
        List<SuiteItem> items = new ArrayList<>(suite(3).items());
        items.add(SuiteItem.builder("broken", SuiteKind.RETRIEVAL, "x").build());
        ConfigRun run = new EvalRunner(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT)
                .run(new Suite("s", "t", items), sut("A", List.of(Fixtures.TRAIL)));
        assertEquals(1, run.errors());
        assertEquals("IllegalStateException: index closed", run.items().get(3).error());
        assertEquals(3, run.aggregate("ndcg@10").orElseThrow().n());
    }

    @Test
    void parallelItemsKeepTheirOrderAndFailures() {
        List<SuiteItem> items = new ArrayList<>(suite(30).items());
        items.add(7, SuiteItem.builder("broken", SuiteKind.RETRIEVAL, "x").build());
        Suite s = new Suite("s", "t", items);
        List<Integer> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        ConfigRun parallel = new EvalRunner(MetricRegistry.standard(), Fixtures.catalogue(),
                (label, done, total) -> progress.add(done), 4, () -> false).run(s, sut("A", List.of(Fixtures.TRAIL)));
        ConfigRun serial = new EvalRunner(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT)
                .run(s, sut("A", List.of(Fixtures.TRAIL)));
        assertEquals(serial.items().stream().map(ItemResult::itemId).toList(), parallel.items().stream().map(ItemResult::itemId).toList());
        assertEquals("IllegalStateException: index closed", parallel.items().get(7).error());
        assertEquals(1, parallel.errors());
        assertEquals(serial.aggregate("ndcg@10").orElseThrow().mean(), parallel.aggregate("ndcg@10").orElseThrow().mean(), 1e-12);
        assertTrue(progress.contains(31), "progress reaches the total");
        assertThrows(IllegalArgumentException.class,
                () -> new EvalRunner(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT, 0, () -> false));
    }

    @Test
    void answerItemsNeedTheAssistant() {
        Suite answers = new Suite("answers", "t", List.of(SuiteItem.builder("a", SuiteKind.ANSWER, "q").build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new EvalRunner(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT).run(answers, sut("bm25", List.of())));
        assertTrue(e.getMessage().startsWith("answer suites need the assistant pipeline: "), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BaselineSystems.withoutAssistant().resolve("default", answers));
        assertTrue(missing.getMessage().contains("answer suites need the assistant pipeline"), missing.getMessage());
    }

    @Test
    void thresholdsReadMetricEqualsValueAndRespectDirection() {
        MetricRegistry metrics = MetricRegistry.standard();
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("ndcg@10", metrics));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("ndcg@11=0.5", metrics));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("ndcg@10=high", metrics));
        ConfigRun run = new EvalRunner(metrics, Fixtures.catalogue(), Progress.Listener.SILENT).run(suite(2), sut("A", List.of(Fixtures.TRAIL)));
        // nDCG@10 of [TRAIL] against TRAIL=3, ROAD=1 is 3 / (3 + 1/log2 3) = 0.826.
        assertTrue(Threshold.parse("ndcg@10=0.8", metrics).check(run).passed());
        assertFalse(Threshold.parse("ndcg@10=0.9", metrics).check(run).passed());
        assertFalse(Threshold.parse("e2e_ms=1", metrics).check(run).passed(), "e2e 2 ms is worse than a 1 ms ceiling");
        assertTrue(Threshold.parse("e2e_ms=5", metrics).check(run).passed());
        Threshold.Check unmeasured = Threshold.parse("groundedness=0.5", metrics).check(run);
        assertFalse(unmeasured.passed());
        assertTrue(unmeasured.message().contains("not measured"));
    }

    @Test
    void preferencesAreSummarisedWithTheRun() {
        List<Preference> prefs = List.of(new Preference("q0", "A", "B", Preference.Outcome.B),
                new Preference("q1", "A", "B", Preference.Outcome.B), new Preference("q2", "A", "B", Preference.Outcome.A));
        RunResult r = new Evaluation(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT)
                .run(suite(2), List.of(sut("A", List.of(Fixtures.TRAIL))), settings(List.of(), prefs));
        assertEquals(3, r.preferences().preferences());
        assertEquals(1.0 / 3, r.preferences().headToHead().get(0).firstWinRate().estimate(), 1e-12);
        assertTrue(r.preferences().bradleyTerry().get(1).theta().estimate() > 0, "B is stronger");
        assertTrue(r.comparison().isEmpty());
    }
}
