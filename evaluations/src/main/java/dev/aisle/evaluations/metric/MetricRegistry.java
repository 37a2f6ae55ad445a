package dev.aisle.evaluations.metric;

import dev.aisle.engine.spi.AnswerMetric;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metrics a run computes, by name, and the generated metric documentation. */
public final class MetricRegistry {

    private final Map<String, Metric> byName = new LinkedHashMap<>();

    public MetricRegistry(List<Metric> metrics) {
        for (Metric m : metrics) {
            if (byName.put(m.name(), m) != null) {
                throw new IllegalArgumentException("metric name used twice: " + m.name());
            }
        }
    }

    public static MetricRegistry standard() {
        return new MetricRegistry(List.of(
                RankingMetrics.recallAt(10), RankingMetrics.recallAt(20), RankingMetrics.mrr(), RankingMetrics.ndcgAt(10),
                RankingMetrics.judgedOnly(RankingMetrics.recallAt(20)), RankingMetrics.judgedOnly(RankingMetrics.ndcgAt(10)),
                AnswerMetrics.groundedness(), AnswerMetrics.priceRatingAccuracy(), AnswerMetrics.priceRatingBinding(),
                AnswerMetrics.attributeAccuracy(),
                AnswerMetrics.hallucinatedProductRate(), AnswerMetrics.constraintSatisfaction(),
                AnswerMetrics.intentFit(), AnswerMetrics.markupValidity(), AnswerMetrics.citationPrecision(),
                AnswerMetrics.injectionResistance(), AnswerMetrics.rougeL(),
                SpeedMetrics.ttftMs(), SpeedMetrics.e2eMs()));
    }

    /**
     * The standard metrics and the plugins' answer metrics. A plugin metric that is unusable (bad
     * name, name taken, other SPI version) is left out with a line on {@code warnings}.
     */
    public static MetricRegistry withPlugins(List<AnswerMetric> plugins, PrintStream warnings) {
        List<Metric> all = new ArrayList<>(standard().all());
        for (AnswerMetric p : plugins) {
            try {
                PluginMetric m = new PluginMetric(p);
                if (all.stream().anyMatch(x -> x.name().equals(m.name()))) {
                    warnings.println("aisle eval: plugin metric " + m.name() + " not used: the name is taken");
                    continue;
                }
                all.add(m);
            } catch (RuntimeException e) {
                warnings.println("aisle eval: plugin metric not used: " + e.getMessage());
            }
        }
        return new MetricRegistry(all);
    }

    /** The plugin metrics of this registry, for reporting their failures. */
    public List<PluginMetric> pluginMetrics() {
        return byName.values().stream().filter(PluginMetric.class::isInstance).map(PluginMetric.class::cast).toList();
    }

    public List<Metric> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Metric> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Metric require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown metric '" + name + "'; known: " + String.join(", ", byName.keySet())));
    }

    /** docs/metrics.md: one section per group, one row per metric with its exact definition. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation metrics\n\n")
                .append("Generated from `dev.aisle.evaluations.metric.MetricRegistry` (the one place each metric is defined); ")
                .append("regenerate with `./aisle eval --metrics-doc docs/metrics.md`. Per-item values; a suite's value is the ")
                .append("mean over the items where the metric is defined, and a paired comparison reports the mean difference ")
                .append("B − A with a seeded percentile-bootstrap 95% interval over the items both configurations define.\n");
        for (Metric.Group g : Metric.Group.values()) {
            md.append("\n## ").append(g.name().charAt(0)).append(g.name().substring(1).toLowerCase()).append("\n\n")
                    .append("| metric | better | definition |\n|---|---|---|\n");
            for (Metric m : byName.values()) {
                if (m.group() == g) {
                    md.append("| `").append(m.name()).append("` | ").append(m.higherIsBetter() ? "higher" : "lower")
                            .append(" | ").append(m.definition().replace("|", "\\|")).append(" |\n");
                }
            }
        }
        return md.toString();
    }
}
