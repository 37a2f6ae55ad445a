package dev.aisle.evaluations.run;

import dev.aisle.evaluations.metric.Metric;
import dev.aisle.evaluations.metric.MetricRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * A CI gate: {@code --fail-under metric=value}. The value is the worst acceptable suite mean:
 * a higher-is-better metric fails below it, a lower-is-better one (rates, latencies) above it.
 * Every configuration of the run must pass; a metric with no defined item fails as "not measured".
 */
public record Threshold(String metric, double limit, boolean higherIsBetter) {

    /** The outcome of one threshold on one configuration. */
    public record Check(String metric, double limit, String configuration, Double actual, boolean passed, String message) {
    }

    public static Threshold parse(String spec, MetricRegistry metrics) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--fail-under needs metric=value, got '" + spec + "'");
        }
        Metric m = metrics.require(spec.substring(0, eq).trim());
        String v = spec.substring(eq + 1).trim();
        try {
            return new Threshold(m.name(), Double.parseDouble(v), m.higherIsBetter());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fail-under " + m.name() + " needs a number, got '" + v + "'");
        }
    }

    public Check check(ConfigRun run) {
        String config = run.configuration().name();
        var agg = run.aggregate(metric);
        if (agg.isEmpty()) {
            return new Check(metric, limit, config, null, false, metric + " not measured for " + config + " (no item defines it)");
        }
        double actual = agg.get().mean();
        boolean ok = higherIsBetter ? actual >= limit : actual <= limit;
        String cmp = higherIsBetter ? (ok ? ">=" : "<") : (ok ? "<=" : ">");
        return new Check(metric, limit, config, actual, ok,
                String.format("%s %s: %.4f %s %s", config, metric, actual, cmp, limit));
    }

    public static List<Check> checkAll(List<Threshold> thresholds, List<ConfigRun> runs) {
        List<Check> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            for (ConfigRun r : runs) {
                out.add(t.check(r));
            }
        }
        return out;
    }
}
