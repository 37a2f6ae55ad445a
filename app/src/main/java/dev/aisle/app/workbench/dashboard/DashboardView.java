package dev.aisle.app.workbench.dashboard;

import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.MetricsSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** Live serving dashboards. Binds to {@link DashboardViewModel}. */
public final class DashboardView extends BorderPane {

    private final DashboardViewModel vm;
    private final List<Runnable> redraws = new ArrayList<>();
    private final SchedulerTimeline timeline = new SchedulerTimeline();

    public DashboardView(DashboardViewModel vm, ShortcutRegistry shortcuts, Path exportDir) {
        this.vm = vm;
        setId("dashboard-view");

        Spinner<Double> rate = new Spinner<>(0.5, 200, vm.rate().get(), 0.5);
        rate.setEditable(true);
        rate.setPrefWidth(90);
        rate.valueProperty().addListener((o, a, b) -> vm.rate().set(b));
        Spinner<Integer> duration = new Spinner<>(1, 600, vm.duration().get(), 5);
        duration.setEditable(true);
        duration.setPrefWidth(90);
        duration.valueProperty().addListener((o, a, b) -> vm.duration().set(b));
        ComboBox<String> scheduler = new ComboBox<>();
        scheduler.getItems().setAll(vm.schedulers());
        scheduler.valueProperty().bindBidirectional(vm.scheduler());
        ComboBox<String> backend = new ComboBox<>();
        backend.getItems().setAll(vm.backends());
        backend.valueProperty().bindBidirectional(vm.backend());
        Button start = new Button("Start load");
        start.setId("load-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> vm.startLoad());
        start.disableProperty().bind(vm.state().isEqualTo(DashboardViewModel.State.LOADING));
        Button stop = new Button("Stop");
        stop.setOnAction(e -> vm.stopLoad());
        stop.disableProperty().bind(vm.state().isNotEqualTo(DashboardViewModel.State.LOADING));
        Button export = new Button("Export trace");
        export.setId("export-trace");
        export.setOnAction(e -> vm.exportTrace(exportDir));
        Label notice = new Label();
        notice.setId("dashboard-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.notice());
        HBox controls = new HBox(8, new Label("Load: rate req/s"), rate, new Label("duration s"), duration,
                new Label("scheduler"), scheduler, new Label("backend"), backend, start, stop, export);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, controls, notice);
        top.setPadding(new Insets(10, 14, 8, 14));
        top.getStyleClass().add("view-toolbar");
        setTop(top);

        HBox figures = new HBox(10,
                figure("TTFT p50 ms", s -> s.ttftMs().p50(), "%.0f"),
                figure("TTFT p99 ms", s -> s.ttftMs().p99(), "%.0f"),
                figure("ITL p50 ms", s -> s.itlMs().p50(), "%.1f"),
                figure("ITL p99 ms", s -> s.itlMs().p99(), "%.1f"),
                figure("tokens/s", MetricsSource.Snapshot::outputTokensPerS, "%.0f"),
                figure("queue", s -> s.queueDepth(), "%.0f"),
                figure("batch", s -> s.batchSize(), "%.0f"),
                figure("KV usage %", s -> 100 * s.kvUsage(), "%.0f"),
                figure("preemptions", s -> s.preemptions(), "%.0f"));
        figures.setPadding(new Insets(8, 14, 0, 14));

        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8, 14, 8, 14));
        charts.add(chart("TTFT ms", List.of("p50", "p90", "p99"),
                List.of(s -> s.ttftMs().p50(), s -> s.ttftMs().p90(), s -> s.ttftMs().p99())), 0, 0);
        charts.add(chart("ITL ms", List.of("p50", "p90", "p99"),
                List.of(s -> s.itlMs().p50(), s -> s.itlMs().p90(), s -> s.itlMs().p99())), 1, 0);
        charts.add(chart("Output tokens/s", List.of("tokens/s"),
                List.of(MetricsSource.Snapshot::outputTokensPerS)), 2, 0);
        charts.add(chart("Queue depth and batch size", List.of("queue", "batch"),
                List.of(s -> s.queueDepth(), s -> s.batchSize())), 0, 1);
        charts.add(chart("KV usage %", List.of("KV %"), List.of(s -> 100 * s.kvUsage())), 1, 1);
        charts.add(chart("Preemptions (total)", List.of("preemptions"), List.of(s -> s.preemptions())), 2, 1);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            charts.getColumnConstraints().add(c);
        }

        Label timelineTitle = new Label("Scheduler timeline — one row per request");
        timelineTitle.getStyleClass().add("panel-title");
        HBox legend = new HBox(10, legend("queued", SchedulerTimeline.QUEUED), legend("prefill", SchedulerTimeline.PREFILL),
                legend("decode", SchedulerTimeline.DECODE), legend("preempted", SchedulerTimeline.PREEMPTED));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox timelineHead = new HBox(10, timelineTitle, grow, legend);
        timeline.setId("scheduler-timeline");
        timeline.setPrefHeight(220);
        VBox timelineBox = new VBox(6, timelineHead, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timelineBox.getStyleClass().add("card-panel");
        VBox.setMargin(timelineBox, new Insets(0, 14, 10, 14));

        VBox center = new VBox(figures, charts, timelineBox);
        VBox.setVgrow(timelineBox, Priority.ALWAYS);
        setCenter(center);

        vm.latest().addListener((o, was, now) -> {
            if (now != null) {
                redraws.forEach(Runnable::run);
                timeline.show(now.requests(), now.atMillis());
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                vm.pause();
            } else {
                vm.start();
            }
        });
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                vm.start();
            } else {
                vm.pause();
            }
        });

        String section = "Dashboards";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                "Start the load generator", vm::startLoad);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Stop the load generator", vm::stopLoad);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                "Export the scheduler trace", () -> vm.exportTrace(exportDir));
    }

    private Node legend(String name, javafx.scene.paint.Color colour) {
        Rectangle r = new Rectangle(10, 10, colour);
        HBox box = new HBox(4, r, new Label(name));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node figure(String name, ToDoubleFunction<MetricsSource.Snapshot> value, String format) {
        Label v = new Label("–");
        v.getStyleClass().add("figure-value");
        v.setId("figure-" + name.replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-').toLowerCase());
        Label n = new Label(name);
        n.getStyleClass().add("figure-name");
        redraws.add(() -> {
            double d = value.applyAsDouble(vm.latest().get());
            v.setText(Double.isNaN(d) ? "–" : format.formatted(d));
        });
        VBox box = new VBox(0, v, n);
        box.getStyleClass().add("card-panel");
        box.setMinWidth(104);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private Node chart(String title, List<String> names, List<ToDoubleFunction<MetricsSource.Snapshot>> values) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds ago");
        x.setAutoRanging(false);
        x.setLowerBound(-60);
        x.setUpperBound(0);
        x.setTickUnit(10);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(names.size() > 1);
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (String name : names) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            series.add(s);
        }
        chart.getData().setAll(series);
        redraws.add(() -> {
            List<MetricsSource.Snapshot> h = vm.history();
            if (h.isEmpty()) {
                return;
            }
            long now = h.get(h.size() - 1).atMillis();
            // Two points per second are plenty for a one-minute chart.
            int step = Math.max(1, DashboardViewModel.POLLS_PER_SECOND / 2);
            for (int k = 0; k < series.size(); k++) {
                List<XYChart.Data<Number, Number>> points = new ArrayList<>();
                for (int i = h.size() - 1; i >= 0; i -= step) {
                    double v = values.get(k).applyAsDouble(h.get(i));
                    if (!Double.isNaN(v)) {
                        points.add(0, new XYChart.Data<>((h.get(i).atMillis() - now) / 1000.0, v));
                    }
                }
                series.get(k).getData().setAll(points);
            }
        });
        return chart;
    }
}
