package dev.aisle.app.workbench.dashboard;

import dev.aisle.app.workbench.service.MetricsSource;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * One row per request, coloured by what the scheduler did with it over time: queued (grey),
 * prefill (orange), decode (blue), preempted (red). Drawn on a canvas: hundreds of spans stay cheap.
 */
public final class SchedulerTimeline extends Region {

    static final Color QUEUED = Color.web("#c9ced6");
    static final Color PREFILL = Color.web("#f0a030");
    static final Color DECODE = Color.web("#2f81f7");
    static final Color PREEMPTED = Color.web("#e5534b");
    private static final double LABEL = 70;
    private static final double ROW = 12;

    private final Canvas canvas = new Canvas();
    private List<MetricsSource.RequestSpan> spans = List.of();
    private double nowMs;
    private double windowMs = 20_000;

    public SchedulerTimeline() {
        getStyleClass().add("scheduler-timeline");
        getChildren().add(canvas);
        setMinHeight(120);
    }

    public void show(List<MetricsSource.RequestSpan> requests, double nowMillis) {
        this.spans = requests;
        this.nowMs = nowMillis;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= LABEL || h <= 0) {
            return;
        }
        int rows = (int) Math.max(1, (h - 16) / ROW);
        List<MetricsSource.RequestSpan> shown = spans.size() > rows ? spans.subList(spans.size() - rows, spans.size())
                : spans;
        double start = nowMs - windowMs;
        double scale = (w - LABEL - 6) / windowMs;
        g.setFont(javafx.scene.text.Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < shown.size(); i++) {
            MetricsSource.RequestSpan span = shown.get(i);
            double y = i * ROW;
            g.setFill(Color.GRAY);
            g.fillText(span.requestId(), 2, y + ROW / 2);
            for (MetricsSource.Phase p : span.phases()) {
                double from = Math.max(p.startMs(), start);
                double to = Math.min(p.endMs(), nowMs);
                if (to <= from) {
                    continue;
                }
                g.setFill(colour(p.kind()));
                g.fillRect(LABEL + (from - start) * scale, y + 1, Math.max(1, (to - from) * scale), ROW - 2);
            }
        }
        g.setFill(Color.GRAY);
        g.fillText("−%.0f s".formatted(windowMs / 1000), LABEL, h - 7);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("now", w - 4, h - 7);
    }

    static Color colour(MetricsSource.PhaseKind kind) {
        return switch (kind) {
            case QUEUED -> QUEUED;
            case PREFILL -> PREFILL;
            case DECODE -> DECODE;
            case PREEMPTED -> PREEMPTED;
        };
    }
}
