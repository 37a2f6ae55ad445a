package dev.aisle.evaluations.report;

import dev.aisle.evaluations.run.ConfigRun;
import dev.aisle.evaluations.run.ItemResult;
import dev.aisle.evaluations.run.MetricAggregate;
import dev.aisle.evaluations.run.PreferenceSummary;
import dev.aisle.evaluations.run.RunManifest;
import dev.aisle.evaluations.run.RunResult;
import dev.aisle.evaluations.run.Threshold;
import dev.aisle.evaluations.stats.BradleyTerry;
import dev.aisle.evaluations.stats.MetricDifference;
import dev.aisle.evaluations.stats.WinRates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * report.html: one self-contained page (inline CSS, inline SVG, no script, no external resource)
 * with the manifest, thresholds, per-metric summary and charts, the paired comparison, human
 * preferences and every item with its answer. All text from suites and systems is escaped.
 */
public final class HtmlReport {

    /** Items listed in full; a larger suite shows the first ones and says so. */
    public static final int MAX_ITEMS = 400;
    private static final int MAX_QUESTION = 300;

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#1a7f37}.fail{color:#b42318;font-weight:bold}.muted{color:#777}
            pre.answer{white-space:pre-wrap;margin:0;font:13px/1.35 ui-monospace,monospace;max-width:520px}
            .err{color:#b42318}code{background:#f4f4f4;padding:0 3px}
            """;

    private final AnswerRenderer renderer;

    public HtmlReport(AnswerRenderer renderer) {
        this.renderer = renderer;
    }

    public void write(RunResult result, Path file) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    public String render(RunResult r) {
        StringBuilder h = new StringBuilder();
        RunManifest m = r.manifest();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e("Aisle eval: " + m.suite())).append("</title><style>").append(CSS).append(renderer.css()).append("</style></head><body>");
        h.append("<h1>").append(e("Evaluation — suite " + m.suite())).append("</h1>");
        manifest(h, r);
        thresholds(h, r.thresholds());
        summary(h, r.runs());
        comparison(h, r);
        preferences(h, r.preferences());
        items(h, r.runs());
        return h.append("</body></html>").toString();
    }

    private void manifest(StringBuilder h, RunResult r) {
        RunManifest m = r.manifest();
        h.append("<table>");
        row(h, "suite", m.suite() + " — " + m.suiteSource());
        row(h, "items", Integer.toString(m.items()));
        row(h, "seed", m.seed() + " (bootstrap " + m.bootstrapResamples() + " resamples)");
        row(h, "corpus hash", m.corpusHash());
        for (ConfigRun run : r.runs()) {
            row(h, "configuration " + run.configuration().name(), run.configuration().settings().toString());
            row(h, "lineage " + run.configuration().name(), run.lineage().isEmpty() ? "(none reported)" : run.lineage().toString());
            row(h, "run " + run.configuration().name(), String.format(Locale.ROOT, "%.1f s, %d errors", run.wallSeconds(), run.errors()));
        }
        row(h, "started", m.startedAt());
        row(h, "software", "aisle " + m.aisleVersion() + ", Java " + m.javaVersion() + ", " + m.processors() + " processors");
        h.append("</table>");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(e(k)).append("</th><td>").append(e(v)).append("</td></tr>");
    }

    private void thresholds(StringBuilder h, List<Threshold.Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        h.append("<h2>Thresholds</h2><table><tr><th>result</th><th>check</th></tr>");
        for (Threshold.Check c : checks) {
            h.append("<tr><td class=\"").append(c.passed() ? "pass\">pass" : "fail\">FAIL").append("</td><td>")
                    .append(e(c.message())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void summary(StringBuilder h, List<ConfigRun> runs) {
        h.append("<h2>Metrics</h2><p class=\"muted\">Mean over the items where each metric is defined (n); ")
                .append("definitions in docs/metrics.md.</p><table><tr><th>metric</th><th>group</th>");
        for (ConfigRun run : runs) {
            h.append("<th>").append(e(run.configuration().name())).append("</th><th>n</th>");
        }
        h.append("</tr>");
        Map<String, MetricAggregate[]> byMetric = byMetric(runs);
        for (Map.Entry<String, MetricAggregate[]> en : byMetric.entrySet()) {
            MetricAggregate any = firstNonNull(en.getValue());
            h.append("<tr><td><code>").append(e(en.getKey())).append("</code></td><td>").append(e(any.group())).append("</td>");
            for (MetricAggregate a : en.getValue()) {
                h.append("<td class=\"num\">").append(a == null ? "–" : Svg.fmt(a.mean())).append("</td><td class=\"num\">")
                        .append(a == null ? "" : a.n()).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
        List<String> series = runs.stream().map(x -> x.configuration().name()).toList();
        List<Svg.Row> unitRows = new ArrayList<>();
        List<Svg.Row> speedRows = new ArrayList<>();
        double maxMs = 0;
        for (Map.Entry<String, MetricAggregate[]> en : byMetric.entrySet()) {
            MetricAggregate any = firstNonNull(en.getValue());
            if (any.group().equals("speed")) {
                for (String pct : List.of("p50", "p90", "p99")) {
                    double[] v = new double[runs.size()];
                    for (int i = 0; i < v.length; i++) {
                        MetricAggregate a = en.getValue()[i];
                        v[i] = a == null ? Double.NaN : switch (pct) {
                            case "p50" -> a.p50();
                            case "p90" -> a.p90();
                            default -> a.p99();
                        };
                        if (!Double.isNaN(v[i])) {
                            maxMs = Math.max(maxMs, v[i]);
                        }
                    }
                    speedRows.add(new Svg.Row(en.getKey() + " " + pct, v));
                }
            } else {
                double[] v = new double[runs.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = en.getValue()[i] == null ? Double.NaN : en.getValue()[i].mean();
                }
                unitRows.add(new Svg.Row(en.getKey(), v));
            }
        }
        if (!unitRows.isEmpty()) {
            h.append("<h3>Quality (0–1)</h3>").append(Svg.bars(unitRows, series, 1.0));
        }
        if (!speedRows.isEmpty()) {
            h.append("<h3>Latency (ms)</h3>").append(Svg.bars(speedRows, series, maxMs));
        }
    }

    private static MetricAggregate firstNonNull(MetricAggregate[] as) {
        for (MetricAggregate a : as) {
            if (a != null) {
                return a;
            }
        }
        throw new IllegalStateException("metric row without any value");
    }

    private static Map<String, MetricAggregate[]> byMetric(List<ConfigRun> runs) {
        Map<String, MetricAggregate[]> out = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (MetricAggregate a : runs.get(i).aggregates()) {
                out.computeIfAbsent(a.metric(), k -> new MetricAggregate[runs.size()])[i] = a;
            }
        }
        return out;
    }

    private void comparison(StringBuilder h, RunResult r) {
        if (r.comparison().isEmpty()) {
            return;
        }
        String a = r.runs().get(0).configuration().name();
        String b = r.runs().get(1).configuration().name();
        h.append("<h2>").append(e("Paired comparison: B = " + b + " minus A = " + a)).append("</h2>")
                .append("<p class=\"muted\">Mean per-item difference over the items both define, seeded percentile bootstrap 95% interval.</p>")
                .append("<table><tr><th>metric</th><th>n</th><th>A</th><th>B</th><th>B − A</th><th>95% interval</th><th>verdict</th></tr>");
        List<Svg.IntervalRow> rows = new ArrayList<>();
        for (MetricDifference d : r.comparison()) {
            h.append("<tr><td><code>").append(e(d.metric())).append("</code></td><td class=\"num\">").append(d.n())
                    .append("</td><td class=\"num\">").append(Svg.fmt(d.meanA())).append("</td><td class=\"num\">").append(Svg.fmt(d.meanB()))
                    .append("</td><td class=\"num\">").append(Svg.fmt(d.difference().estimate())).append("</td><td class=\"num\">[")
                    .append(Svg.fmt(d.difference().low())).append(", ").append(Svg.fmt(d.difference().high())).append("]</td><td>")
                    .append(e(d.verdict())).append("</td></tr>");
            if (!d.metric().endsWith("_ms")) {
                String colour = d.verdict().equals("B better") ? "#1a7f37" : d.verdict().equals("A better") ? "#b42318" : "#555";
                rows.add(new Svg.IntervalRow(d.metric(), d.difference().estimate(), d.difference().low(), d.difference().high(), colour));
            }
        }
        h.append("</table>");
        if (!rows.isEmpty()) {
            h.append(Svg.forest(rows));
        }
    }

    private void preferences(StringBuilder h, PreferenceSummary p) {
        if (p.isEmpty()) {
            return;
        }
        h.append("<h2>Human preferences</h2><p class=\"muted\">").append(e(p.preferences() + " pairwise judgments from " + p.source()))
                .append(". Win rate counts a tie or \"both bad\" as half a win.</p>");
        h.append("<table><tr><th>system</th><th>comparisons</th><th>win rate</th><th>95% interval</th><th>Bradley–Terry θ</th><th>95% interval</th></tr>");
        for (WinRates.Overall o : p.overall()) {
            BradleyTerry.Score bt = p.bradleyTerry().stream().filter(s -> s.system().equals(o.system())).findFirst().orElseThrow();
            h.append("<tr><td>").append(e(o.system())).append("</td><td class=\"num\">").append(o.comparisons())
                    .append("</td><td class=\"num\">").append(Svg.fmt(o.winRate().estimate())).append("</td><td class=\"num\">[")
                    .append(Svg.fmt(o.winRate().low())).append(", ").append(Svg.fmt(o.winRate().high())).append("]</td><td class=\"num\">")
                    .append(Svg.fmt(bt.theta().estimate())).append("</td><td class=\"num\">[").append(Svg.fmt(bt.theta().low()))
                    .append(", ").append(Svg.fmt(bt.theta().high())).append("]</td></tr>");
        }
        h.append("</table><table><tr><th>first</th><th>second</th><th>n</th><th>first wins</th><th>second wins</th><th>ties</th><th>both bad</th><th>first win rate [95%]</th></tr>");
        for (WinRates.HeadToHead x : p.headToHead()) {
            h.append("<tr><td>").append(e(x.first())).append("</td><td>").append(e(x.second())).append("</td><td class=\"num\">")
                    .append(x.comparisons()).append("</td><td class=\"num\">").append(x.firstWins()).append("</td><td class=\"num\">")
                    .append(x.secondWins()).append("</td><td class=\"num\">").append(x.ties()).append("</td><td class=\"num\">")
                    .append(x.bothBad()).append("</td><td class=\"num\">").append(Svg.fmt(x.firstWinRate().estimate())).append(" [")
                    .append(Svg.fmt(x.firstWinRate().low())).append(", ").append(Svg.fmt(x.firstWinRate().high())).append("]</td></tr>");
        }
        h.append("</table>");
        List<Svg.IntervalRow> rows = p.bradleyTerry().stream()
                .map(s -> new Svg.IntervalRow(s.system(), s.theta().estimate(), s.theta().low(), s.theta().high(), "#3b6ea5")).toList();
        h.append(Svg.forest(rows));
    }

    private void items(StringBuilder h, List<ConfigRun> runs) {
        Set<String> metricNames = new LinkedHashSet<>();
        runs.forEach(r -> r.aggregates().forEach(a -> metricNames.add(a.metric())));
        int n = runs.get(0).items().size();
        h.append("<h2>Items</h2>");
        if (n > MAX_ITEMS) {
            h.append("<p class=\"muted\">").append(e("Showing the first " + MAX_ITEMS + " of " + n + " items; results.json has all.")).append("</p>");
        }
        h.append("<table><tr><th>item</th><th>question</th>");
        for (ConfigRun r : runs) {
            h.append("<th>").append(e(r.configuration().name())).append("</th>");
        }
        h.append("</tr>");
        for (int i = 0; i < Math.min(n, MAX_ITEMS); i++) {
            ItemResult first = runs.get(0).items().get(i);
            String q = first.question().length() > MAX_QUESTION
                    ? first.question().substring(0, MAX_QUESTION) + "… (" + first.question().length() + " characters)"
                    : first.question();
            h.append("<tr><td><code>").append(e(first.itemId())).append("</code><br><span class=\"muted\">").append(e(first.kind()))
                    .append("</span></td><td>").append(e(q.isEmpty() ? "(empty question)" : q)).append("</td>");
            for (ConfigRun r : runs) {
                ItemResult it = r.items().get(i);
                h.append("<td>");
                if (!it.error().isEmpty()) {
                    h.append("<div class=\"err\">").append(e(it.error())).append("</div>");
                } else {
                    if (!it.answerText().isEmpty()) {
                        h.append(renderer.toHtml(it.answerText(), it.evidence()));
                        h.append("<details><summary class=\"muted\">raw answer</summary><pre class=\"answer\">")
                                .append(e(it.answerText())).append("</pre></details>");
                    }
                    if (!it.topRanked().isEmpty()) {
                        h.append("<div class=\"muted\">top: ").append(e(String.join(", ", it.topRanked()))).append("</div>");
                    }
                    StringBuilder vals = new StringBuilder();
                    for (String mn : metricNames) {
                        Double v = it.values().get(mn);
                        if (v != null) {
                            vals.append(mn).append('=').append(Svg.fmt(v)).append("  ");
                        }
                    }
                    h.append("<div class=\"muted\">").append(e(vals.toString().trim())).append("</div>");
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
