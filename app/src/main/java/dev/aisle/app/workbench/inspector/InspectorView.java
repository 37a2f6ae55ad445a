package dev.aisle.app.workbench.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The evidence inspector. Binds to {@link InspectorViewModel}. */
public final class InspectorView extends BorderPane {

    private final InspectorViewModel vm;
    private final VBox sectionBox = new VBox(8);
    private final List<TableView<List<String>>> tables = new ArrayList<>();
    private final BarChart<String, Number> gaps;
    private final Runnable backToAnswer;

    /** @param backToAnswer shows the chat with the highlighted citation */
    public InspectorView(InspectorViewModel vm, Runnable backToAnswer) {
        this.vm = vm;
        this.backToAnswer = backToAnswer;
        getStyleClass().add("inspector-view");
        setId("inspector-view");

        Label question = new Label();
        question.getStyleClass().add("view-title");
        question.textProperty().bind(vm.question());
        question.setWrapText(true);
        Label answer = new Label();
        answer.setId("inspected-answer");
        answer.textProperty().bind(vm.answer());
        answer.setWrapText(true);
        answer.setMaxHeight(90);
        Label summary = new Label();
        summary.setId("inspector-summary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(vm.summary());
        Button back = new Button("Back to answer");
        back.setOnAction(e -> backToAnswer.run());
        back.disableProperty().bind(vm.state().isEqualTo(InspectorViewModel.State.EMPTY));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, summary, grow, back);
        VBox top = new VBox(6, question, answer, head);
        top.setPadding(new Insets(12, 16, 10, 16));
        top.getStyleClass().add("view-toolbar");
        setTop(top);

        TableView<InspectorViewModel.StageRow> stageTable = new TableView<>(vm.stages());
        stageTable.setId("stage-table");
        stageTable.getColumns().add(column("stage", InspectorViewModel.StageRow::stage, 110));
        stageTable.getColumns().add(column("start ms", r -> "%.1f".formatted(r.startMs()), 80));
        stageTable.getColumns().add(column("took ms", r -> "%.1f".formatted(r.durationMs()), 80));
        stageTable.getColumns().add(column("note", InspectorViewModel.StageRow::note, 260));
        stageTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stageTable.setPrefHeight(220);

        CategoryAxis x = new CategoryAxis();
        x.setLabel("token");
        NumberAxis y = new NumberAxis();
        y.setLabel("ms since previous token (first: TTFT)");
        gaps = new BarChart<>(x, y);
        gaps.setId("token-timeline");
        gaps.setTitle("Token timeline");
        gaps.setAnimated(false);
        gaps.setLegendVisible(false);
        gaps.setBarGap(0);
        gaps.setCategoryGap(1);
        VBox left = new VBox(8, titled("Stages", stageTable), titled("Token timeline", gaps));
        VBox.setVgrow(gaps, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        ScrollPane right = new ScrollPane(sectionBox);
        right.setFitToWidth(true);
        sectionBox.setPadding(new Insets(8));
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);

        vm.sections().addListener((ListChangeListener<SectionTable>) c -> rebuildSections());
        vm.timeline().addListener((o, a, b) -> drawTimeline(b));
        vm.highlightedRef().addListener((o, a, b) -> highlight(b));
        rebuildSections();
        drawTimeline(vm.timeline().get());
    }

    private static <S> TableColumn<S, Object> column(String title, java.util.function.Function<S, Object> value,
                                                    double width) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Node titled(String title, Node body) {
        Label label = new Label(title);
        label.getStyleClass().add("panel-title");
        VBox box = new VBox(6, label, body);
        box.getStyleClass().add("card-panel");
        return box;
    }

    private void drawTimeline(TokenTimeline t) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        // Chart nodes are costly: beyond a few hundred tokens, show every n-th gap.
        int step = Math.max(1, t.tokenCount() / 300);
        if (t.tokenCount() > 0) {
            series.getData().add(new XYChart.Data<>("1", t.ttftMs()));
        }
        for (int i = 0; i < t.gapsMs().size(); i += step) {
            series.getData().add(new XYChart.Data<>(String.valueOf(i + 2), t.gapsMs().get(i)));
        }
        gaps.getData().setAll(List.of(series));
    }

    private void rebuildSections() {
        sectionBox.getChildren().clear();
        tables.clear();
        if (vm.sections().isEmpty() && vm.state().get() == InspectorViewModel.State.SHOWING) {
            sectionBox.getChildren().add(new Label("The trace has no stage sections."));
        }
        for (SectionTable section : vm.sections()) {
            TableView<List<String>> table = new TableView<>();
            table.getStyleClass().add("section-table");
            table.setId("section-" + section.title().replaceAll("[^A-Za-z0-9]+", "-"));
            for (int i = 0; i < section.columns().size(); i++) {
                int col = i;
                TableColumn<List<String>, String> c = new TableColumn<>(section.columns().get(i));
                c.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
                c.setPrefWidth(section.columns().size() <= 2 ? 260 : 110);
                table.getColumns().add(c);
            }
            table.getItems().setAll(section.rows());
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setPrefHeight(Math.min(320, 34 + 26 * Math.max(1, section.rows().size())));
            if (section.refColumn() >= 0) {
                table.setRowFactory(tv -> {
                    TableRow<List<String>> row = new TableRow<>() {
                        @Override
                        protected void updateItem(List<String> item, boolean empty) {
                            super.updateItem(item, empty);
                            boolean hit = !empty && item != null
                                    && item.get(section.refColumn()).equalsIgnoreCase(vm.highlightedRef().get());
                            getStyleClass().remove("highlighted");
                            if (hit) {
                                getStyleClass().add("highlighted");
                            }
                        }
                    };
                    row.getStyleClass().add("evidence-row");
                    row.setOnMouseClicked(e -> {
                        if (!row.isEmpty()) {
                            vm.highlight(row.getItem().get(section.refColumn()));
                            if (e.getClickCount() == 2) {
                                backToAnswer.run();
                            }
                        }
                    });
                    return row;
                });
            }
            tables.add(table);
            TitledPane pane = new TitledPane(section.title() + "  (" + section.rows().size() + ")", table);
            pane.setAnimated(false);
            sectionBox.getChildren().add(pane);
        }
        highlight(vm.highlightedRef().get());
    }

    private void highlight(String ref) {
        tables.forEach(TableView::refresh);
        vm.locate(ref).ifPresent(loc -> {
            TableView<List<String>> table = tables.get(loc.table());
            table.getSelectionModel().clearAndSelect(loc.row());
            table.scrollTo(loc.row());
        });
    }
}
