package dev.aisle.evaluations.run;

import dev.aisle.evaluations.stats.MetricDifference;

import java.util.List;

/**
 * The whole result of {@code aisle eval}: written as results.json and rendered as report.html.
 *
 * @param comparison B − A per metric when two configurations ran, else empty
 */
public record RunResult(RunManifest manifest, List<ConfigRun> runs, List<MetricDifference> comparison,
                        PreferenceSummary preferences, List<Threshold.Check> thresholds) {

    public RunResult {
        runs = List.copyOf(runs);
        comparison = List.copyOf(comparison);
        thresholds = List.copyOf(thresholds);
    }

    public List<Threshold.Check> failedThresholds() {
        return thresholds.stream().filter(c -> !c.passed()).toList();
    }
}
