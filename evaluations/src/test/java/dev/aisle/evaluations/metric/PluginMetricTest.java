package dev.aisle.evaluations.metric;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.spi.AnswerMetric;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginMetricTest {

    static AnswerMetric metric(String name, DoubleSupplier value) {
        return new AnswerMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test metric";
            }

            @Override
            public double score(String question, String answerText, List<String> evidenceTexts) {
                return value.getAsDouble();
            }
        };
    }

    private static Observation answer(String id, String text) {
        SuiteItem item = SuiteItem.builder(id, SuiteKind.ANSWER, "warm gloves?").intent(Intent.RECOMMENDATION).build();
        return new Observation(item, SystemAnswer.text(text, Fixtures.evidence()), Fixtures.catalogue());
    }

    @Test
    void theValueOfAWorkingMetricIsReported() {
        PluginMetric m = new PluginMetric(new AnswerMetric() {
            @Override
            public String name() {
                return "answer_words";
            }

            @Override
            public String description() {
                return "words in the answer";
            }

            @Override
            public double score(String question, String answerText, List<String> evidenceTexts) {
                return answerText.split("\\s+").length + (evidenceTexts.isEmpty() ? 0 : 100);
            }
        });
        assertEquals(OptionalDouble.of(103), m.score(answer("a1", "three short words")));
        assertEquals(Metric.Group.ANSWER, m.group());
        assertTrue(m.failures().isEmpty());
    }

    @Test
    void throwingNanAndInfiniteAreRecordedNotFatal() {
        PluginMetric throwing = new PluginMetric(metric("boom", () -> {
            throw new IllegalStateException("dictionary missing");
        }));
        PluginMetric nan = new PluginMetric(metric("nan", () -> Double.NaN));
        PluginMetric infinite = new PluginMetric(metric("inf", () -> Double.POSITIVE_INFINITY));
        Observation o = answer("a2", "Some answer.");
        assertTrue(throwing.score(o).isEmpty());
        assertEquals(List.of("a2: IllegalStateException: dictionary missing"), throwing.failures());
        assertTrue(nan.score(o).isEmpty());
        assertTrue(nan.failures().isEmpty(), "NaN means not applicable, not a failure");
        assertTrue(infinite.score(o).isEmpty());
        assertEquals(List.of("a2: returned Infinity"), infinite.failures());
    }

    @Test
    void unusablePluginMetricsAreLeftOutWithAWarning() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream warn = new PrintStream(out, true, StandardCharsets.UTF_8);
        MetricRegistry r = MetricRegistry.withPlugins(List.of(metric("Bad Name", () -> 1), metric("groundedness", () -> 1),
                metric("tone", () -> 1)), warn);
        String warnings = out.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("'Bad Name'"), warnings);
        assertTrue(warnings.contains("groundedness not used"), warnings);
        assertEquals(List.of("tone"), r.pluginMetrics().stream().map(PluginMetric::name).toList());
        assertTrue(r.find("recall@10").isPresent());
        assertTrue(r.toMarkdown().contains("`tone`"));
    }
}
