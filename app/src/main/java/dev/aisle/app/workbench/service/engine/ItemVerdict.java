package dev.aisle.app.workbench.service.engine;

import dev.aisle.evaluations.metric.Metric;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.run.ItemResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one evaluated item passed, for the results table and its "failed only" filter. The
 * evaluations define metrics, not verdicts; this is the workbench's reading of them:
 * every quality metric the item defines is put on a 0–1 "higher is better" scale (a rate r counts
 * as 1 − r; speed metrics are left out, they say nothing about the answer), the item's score is
 * the mean of those, and the item passes when it answered and no quality metric is below
 * {@link #PASS_BAR}. The detail names the metrics that failed, worst first.
 */
record ItemVerdict(boolean passed, double score, String detail) {

    /** Half way: an answer with half its claims unsupported, or a ranking with nDCG under 0.5, fails. */
    static final double PASS_BAR = 0.5;

    static ItemVerdict of(ItemResult item, MetricRegistry metrics) {
        if (!item.error().isEmpty()) {
            return new ItemVerdict(false, 0, "error: " + item.error());
        }
        List<Map.Entry<String, Double>> quality = new ArrayList<>();
        for (Map.Entry<String, Double> e : item.values().entrySet()) {
            Optional<Metric> m = metrics.find(e.getKey());
            if (m.isEmpty() || m.get().group() == Metric.Group.SPEED) {
                continue;
            }
            double v = m.get().higherIsBetter() ? e.getValue() : 1 - e.getValue();
            quality.add(Map.entry(e.getKey(), v));
        }
        if (quality.isEmpty()) {
            return new ItemVerdict(true, Double.NaN, "no quality metric applies to this item");
        }
        double score = quality.stream().mapToDouble(Map.Entry::getValue).average().orElse(0);
        List<String> failing = quality.stream().filter(e -> e.getValue() < PASS_BAR)
                .sorted(Map.Entry.comparingByValue())
                .map(e -> describe(e.getKey(), item.values().get(e.getKey()))).toList();
        if (failing.isEmpty()) {
            return new ItemVerdict(true, score, "");
        }
        return new ItemVerdict(false, score, String.join(", ", failing));
    }

    private static String describe(String metric, double raw) {
        return String.format(Locale.ROOT, "%s %.2f", metric, raw);
    }
}
