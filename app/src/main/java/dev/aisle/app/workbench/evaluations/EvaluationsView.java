package dev.aisle.app.workbench.evaluations;

import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Evaluation runs. Binds to {@link EvaluationsViewModel}. */
public final class EvaluationsView extends BorderPane {

    public EvaluationsView(EvaluationsViewModel vm, ShortcutRegistry shortcuts, Runnable openInspector) {
        setId("evaluations-view");
        ComboBox<String> suite = new ComboBox<>(vm.suites());
        suite.setId("suite-choice");
        suite.valueProperty().bindBidirectional(vm.suite());
        HBox configBoxes = new HBox(8);
        for (AssistantConfig c : vm.configs()) {
            CheckBox box = new CheckBox(c.name());
            box.setSelected(vm.chosen().contains(c));
            box.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    vm.chosen().add(c);
                } else {
                    vm.chosen().remove(c);
                }
            });
            configBoxes.getChildren().add(box);
        }
        Spinner<Integer> limit = new Spinner<>(0, 100_000, vm.limit().get(), 5);
        limit.setId("suite-limit");
        limit.setEditable(true);
        limit.setPrefWidth(90);
        limit.valueProperty().addListener((o, a, b) -> vm.limit().set(b));
        limit.setTooltip(new Tooltip("Run only the first N items (0 = all)"));
        Button run = new Button("Run suite");
        run.setId("run-suite");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        BooleanBinding busy = vm.state().isEqualTo(EvaluationsViewModel.State.RUNNING)
                .or(vm.state().isEqualTo(EvaluationsViewModel.State.STOPPING));
        run.disableProperty().bind(busy);
        Button stop = new Button("Stop");
        stop.setId("stop-suite");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.state().isNotEqualTo(EvaluationsViewModel.State.RUNNING));
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progress());
        Label progress = new Label();
        progress.setId("eval-progress");
        progress.textProperty().bind(vm.progressText());
        Label current = new Label();
        current.setId("eval-current");
        current.getStyleClass().add("text-muted");
        current.textProperty().bind(vm.current());
        HBox choose = new HBox(10, new Label("Suite"), suite, new Label("items (0 = all)"), limit, run, stop);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox configurations = new HBox(10, new Label("Configurations (one, or two to compare)"), configBoxes);
        configurations.setAlignment(Pos.CENTER_LEFT);
        HBox running = new HBox(10, bar, progress, current);
        running.setAlignment(Pos.CENTER_LEFT);
        for (HBox row : List.of(choose, configurations, running)) {
            row.getChildren().forEach(n -> {
                if (n instanceof Region r && n != current) {
                    r.setMinWidth(Region.USE_PREF_SIZE); // labels and buttons keep their text
                }
            });
        }
        VBox top = new VBox(8, choose, configurations, running);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("view-toolbar");
        setTop(top);

        TableView<EvaluationService.ConfigSummary> summary = new TableView<>(vm.summaries());
        summary.setId("eval-summary");
        summary.setPrefHeight(110);
        // One column per metric the run measured, in the registry's order.
        vm.summaries().addListener((ListChangeListener<EvaluationService.ConfigSummary>) c -> summaryColumns(summary, vm));
        summaryColumns(summary, vm);

        TableView<EvaluationService.Difference> comparison = new TableView<>(vm.comparison());
        comparison.setId("eval-comparison");
        comparison.getColumns().add(col("B − A on", EvaluationService.Difference::metric));
        comparison.getColumns().add(col("difference", d -> String.format(Locale.ROOT, "%+.4f", d.estimate())));
        comparison.getColumns().add(col("95% interval", d -> String.format(Locale.ROOT, "[%+.4f, %+.4f]", d.low(), d.high())));
        comparison.getColumns().add(col("verdict", EvaluationService.Difference::verdict));
        comparison.getColumns().add(col("n", EvaluationService.Difference::n));
        comparison.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        comparison.setPrefHeight(150);
        comparison.visibleProperty().bind(Bindings.isNotEmpty(vm.comparison()));
        comparison.managedProperty().bind(comparison.visibleProperty());

        TableView<EvaluationService.ItemResult> items = new TableView<>(vm.items());
        items.setId("eval-items");
        items.getColumns().add(col("item", EvaluationService.ItemResult::itemId));
        items.getColumns().add(col("configuration", EvaluationService.ItemResult::config));
        items.getColumns().add(col("question", EvaluationService.ItemResult::question));
        items.getColumns().add(col("passed", r -> r.passed() ? "yes" : "NO"));
        items.getColumns().add(col("score", r -> score(r.score())));
        items.getColumns().add(col("detail", EvaluationService.ItemResult::detail));
        items.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        items.setRowFactory(tv -> {
            TableRow<EvaluationService.ItemResult> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && vm.drill(row.getItem())) {
                    openInspector.run();
                }
            });
            return row;
        });
        CheckBox failedOnly = new CheckBox("Failed items only");
        failedOnly.setMinWidth(Region.USE_PREF_SIZE);
        failedOnly.selectedProperty().bindBidirectional(vm.failedOnly());
        Label hint = new Label("Enter or double-click: open the answer in the inspector · an item passes when it "
                + "answered and no quality metric is below 0.5 (a rate r counts as 1 − r)");
        hint.getStyleClass().add("text-muted");
        HBox itemsHead = new HBox(12, failedOnly, hint);
        VBox center = new VBox(8, new Label("Per configuration (suite means)"), summary, comparison, itemsHead, items);
        VBox.setVgrow(items, Priority.ALWAYS);
        center.setPadding(new Insets(10, 14, 10, 14));
        setCenter(center);

        String section = "Evaluations";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                "Run the suite", vm::run);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Stop the run", vm::stop);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ENTER), "Open the selected item in the inspector",
                () -> {
                    if (vm.drill(items.getSelectionModel().getSelectedItem())) {
                        openInspector.run();
                    }
                });
        shortcuts.register(section, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                "Show failed items only", () -> vm.failedOnly().set(!vm.failedOnly().get()));
    }

    private static String score(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void summaryColumns(TableView<EvaluationService.ConfigSummary> summary, EvaluationsViewModel vm) {
        summary.getColumns().setAll(List.of(col("configuration", EvaluationService.ConfigSummary::config),
                col("items", EvaluationService.ConfigSummary::items), col("passed", EvaluationService.ConfigSummary::passed),
                col("errors", EvaluationService.ConfigSummary::errors), col("score", s -> score(s.score()))));
        Set<String> metrics = new LinkedHashSet<>();
        vm.summaries().forEach(s -> metrics.addAll(s.means().keySet()));
        for (String metric : metrics) {
            summary.getColumns().add(col(metric, s -> {
                Double mean = s.means().get(metric);
                return mean == null ? "—" : String.format(Locale.ROOT, mean >= 100 ? "%.0f" : "%.3f", mean);
            }));
        }
    }

    private static <S> TableColumn<S, Object> col(String title, Function<S, Object> value) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
