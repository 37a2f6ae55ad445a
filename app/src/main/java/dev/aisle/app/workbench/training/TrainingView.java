package dev.aisle.app.workbench.training;

import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Preference training. Binds to {@link TrainingViewModel}. */
public final class TrainingView extends BorderPane {

    public TrainingView(TrainingViewModel vm, ShortcutRegistry shortcuts) {
        setId("training-view");
        ComboBox<TrainingService.Method> method = new ComboBox<>();
        method.getItems().setAll(TrainingService.Method.values());
        method.valueProperty().bindBidirectional(vm.method());
        Spinner<Integer> steps = new Spinner<>(1, 100_000, vm.steps().get(), 10);
        steps.setId("train-steps");
        steps.setEditable(true);
        steps.setPrefWidth(100);
        steps.valueProperty().addListener((o, a, b) -> vm.steps().set(b));
        Spinner<Double> lr = new Spinner<>(1e-7, 1e-2, vm.learningRate().get(), 1e-5);
        lr.setEditable(true);
        // The default converter rounds to a few decimals, which shows 5e-5 as "0".
        lr.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.1e", v);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return Double.parseDouble(text.strip());
                } catch (NumberFormatException e) {
                    return vm.learningRate().get(); // keep the last good value; the field shows it again
                }
            }
        });
        lr.setPrefWidth(110);
        lr.valueProperty().addListener((o, a, b) -> vm.learningRate().set(b));
        Spinner<Double> beta = new Spinner<>(0.01, 2.0, vm.beta().get(), 0.05);
        beta.setEditable(true);
        beta.setPrefWidth(90);
        beta.valueProperty().addListener((o, a, b) -> vm.beta().set(b));
        Button start = new Button("Start training");
        start.setId("train-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.state().isEqualTo(TrainingViewModel.State.TRAINING)
                .or(vm.state().isEqualTo(TrainingViewModel.State.STOPPING)).or(vm.enoughFeedback().not()));
        Button stop = new Button("Stop");
        stop.setId("train-stop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.state().isNotEqualTo(TrainingViewModel.State.TRAINING));
        Button use = new Button("Use in chat");
        use.setId("train-use");
        use.setOnAction(e -> vm.useInChat());
        use.disableProperty().bind(vm.result().isNull());
        HBox top = new HBox(8, new Label("Method"), method, new Label("steps"), steps, new Label("learning rate"), lr,
                new Label("β"), beta, start, stop, use);
        top.setAlignment(Pos.CENTER_LEFT);
        Label counts = new Label();
        counts.setId("feedback-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            TrainingService.FeedbackCounts c = vm.counts().get();
            return "Feedback store: %d DPO pairs (from %d preference labels) · %d KTO answers (from %d thumbs)"
                    .formatted(c.preferencePairs(), c.preferences(), c.ratedAnswers(), c.ratings());
        }, vm.counts()));
        Label feedbackNote = new Label();
        feedbackNote.setId("feedback-note");
        feedbackNote.textProperty().bind(vm.feedbackNote());
        feedbackNote.setWrapText(true);
        feedbackNote.styleProperty().bind(Bindings.when(vm.enoughFeedback()).then("").otherwise("-fx-font-weight: bold;"));
        Label notice = new Label();
        notice.setId("training-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.notice());
        Label step = new Label();
        step.setId("train-step");
        step.textProperty().bind(vm.stepText());
        VBox head = new VBox(6, top, counts, feedbackNote, notice, step);
        head.setPadding(new Insets(10, 14, 10, 14));
        head.getStyleClass().add("view-toolbar");
        setTop(head);

        XYChart.Series<Number, Number> loss = series("loss");
        XYChart.Series<Number, Number> chosen = series("chosen reward");
        XYChart.Series<Number, Number> rejected = series("rejected reward");
        XYChart.Series<Number, Number> margin = series("margin (chosen − rejected)");
        LineChart<Number, Number> lossChart = chart("Loss", "loss-chart", List.of(loss));
        LineChart<Number, Number> marginChart = chart("Implicit rewards β·log(π/π_ref)", "reward-chart",
                List.of(chosen, rejected, margin));
        vm.curve().addListener((ListChangeListener<TrainingService.CurvePoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.curve().isEmpty()) {
                    List.of(loss, chosen, rejected, margin).forEach(x -> x.getData().clear());
                }
                for (TrainingService.CurvePoint p : c.getAddedSubList()) {
                    loss.getData().add(new XYChart.Data<>(p.step(), p.loss()));
                    chosen.getData().add(new XYChart.Data<>(p.step(), p.rewardChosen()));
                    rejected.getData().add(new XYChart.Data<>(p.step(), p.rewardRejected()));
                    margin.getData().add(new XYChart.Data<>(p.step(), p.rewardMargin()));
                }
            }
        });
        HBox charts = new HBox(10, lossChart, marginChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(marginChart, Priority.ALWAYS);
        charts.setPadding(new Insets(10, 14, 10, 14));
        setCenter(charts);

        String section = "Training";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                "Start training", vm::start);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Stop training", vm::stop);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
                "Use the trained model in chat", vm::useInChat);
        // Labels arrive while other views are open: count again each time this view is shown.
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.refreshCounts();
            }
        });
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static LineChart<Number, Number> chart(String title, String id, List<XYChart.Series<Number, Number>> series) {
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getData().addAll(series);
        return chart;
    }
}
