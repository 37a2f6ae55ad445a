package dev.aisle.evaluations.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts: grouped bars for metric values and a forest plot for differences with intervals. */
final class Svg {

    static final String[] COLOURS = {"#3b6ea5", "#d9822b", "#5a9e6f", "#a55b8f"};

    /** One labelled row of values, one per series. */
    record Row(String label, double[] values) {
    }

    /** A row with an estimate and a 95% interval. */
    record IntervalRow(String label, double estimate, double low, double high, String colour) {
    }

    private Svg() {
    }

    /** Horizontal grouped bars on a 0..max axis. */
    static String bars(List<Row> rows, List<String> series, double max) {
        int rowH = 14 * series.size() + 10;
        int labelW = 190;
        int plotW = 420;
        int h = rows.size() * rowH + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">", labelW + plotW + 70, h));
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = r * rowH + 5;
            s.append(text(4, y + rowH / 2 + 4, row.label(), "start"));
            for (int k = 0; k < row.values().length; k++) {
                double v = row.values()[k];
                if (Double.isNaN(v)) {
                    continue;
                }
                double w = max <= 0 ? 0 : Math.max(0, Math.min(1, v / max)) * plotW;
                int by = y + k * 14;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>",
                        labelW, by, w, COLOURS[k % COLOURS.length]));
                s.append(text(labelW + (int) w + 4, by + 10, fmt(v), "start"));
            }
        }
        int ly = h - 12;
        for (int k = 0; k < series.size(); k++) {
            int lx = labelW + k * 140;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", lx, ly - 9, COLOURS[k % COLOURS.length]));
            s.append(text(lx + 14, ly, series.get(k), "start"));
        }
        return s.append("</svg>").toString();
    }

    /** Estimates with interval whiskers around a zero line; the axis is symmetric around 0. */
    static String forest(List<IntervalRow> rows) {
        double span = 1e-9;
        for (IntervalRow r : rows) {
            span = Math.max(span, Math.max(Math.abs(r.low()), Math.abs(r.high())));
        }
        int labelW = 190;
        int plotW = 420;
        int rowH = 20;
        int h = rows.size() * rowH + 24;
        double mid = labelW + plotW / 2.0;
        double scale = plotW / 2.0 / span;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">", labelW + plotW + 20, h));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>", mid, mid, h - 18));
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow r = rows.get(i);
            int y = i * rowH + 12;
            s.append(text(4, y + 4, r.label(), "start"));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                    mid + r.low() * scale, y, mid + r.high() * scale, y, r.colour()));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", mid + r.estimate() * scale, y, r.colour()));
        }
        s.append(text(labelW, h - 4, fmt(-span), "start"));
        s.append(text((int) mid, h - 4, "0", "middle"));
        s.append(text(labelW + plotW, h - 4, "+" + fmt(span), "end"));
        return s.append("</svg>").toString();
    }

    private static String text(int x, int y, String t, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text>", x, y, anchor, Html.escape(t));
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", v);
    }
}
