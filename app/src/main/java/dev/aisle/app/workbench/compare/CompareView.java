package dev.aisle.app.workbench.compare;

import dev.aisle.app.workbench.chat.AnswerArea;
import dev.aisle.app.workbench.chat.AnswerViewModel;
import dev.aisle.app.workbench.chat.ElementNodes;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.FeedbackSink.Verdict;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** Side-by-side comparison. Binds to {@link CompareViewModel}. */
public final class CompareView extends BorderPane {

    private final CompareViewModel vm;
    private final Inspection inspection;

    public CompareView(CompareViewModel vm, ShortcutRegistry shortcuts, Inspection inspection, Runnable openInspector) {
        this.vm = vm;
        this.inspection = inspection;
        getStyleClass().add("compare-view");
        setId("compare-view");

        TextField input = new TextField();
        input.setId("compare-question");
        input.setPromptText("One question for both configurations — e.g. Trail shoes or running shoes?");
        input.textProperty().bindBidirectional(vm.question());
        input.setOnAction(e -> vm.ask());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button ask = new Button("Ask both");
        ask.setId("compare-ask");
        ask.getStyleClass().add("accent");
        ask.setOnAction(e -> vm.ask());
        ask.disableProperty().bind(vm.state().isEqualTo(CompareViewModel.State.ANSWERING));
        Button swap = new Button("Swap A/B");
        swap.setOnAction(e -> vm.swap());
        HBox top = new HBox(8, input, ask, swap);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("view-toolbar");
        setTop(top);

        GridPane sides = new GridPane();
        sides.setHgap(10);
        sides.setPadding(new Insets(8, 14, 8, 14));
        sides.add(side("A", vm.configA(), vm.answerA(), Verdict.A_BETTER, openInspector), 0, 0);
        sides.add(side("B", vm.configB(), vm.answerB(), Verdict.B_BETTER, openInspector), 1, 0);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        sides.getColumnConstraints().addAll(half, half);
        javafx.scene.layout.RowConstraints full = new javafx.scene.layout.RowConstraints();
        full.setVgrow(Priority.ALWAYS);
        sides.getRowConstraints().add(full);
        setCenter(sides);

        Button a = verdictButton("A better  [A]", Verdict.A_BETTER, "verdict-a");
        Button b = verdictButton("B better  [B]", Verdict.B_BETTER, "verdict-b");
        Button tie = verdictButton("Tie  [T]", Verdict.TIE, "verdict-tie");
        Button bad = verdictButton("Both bad  [X]", Verdict.BOTH_BAD, "verdict-bad");
        Label notice = new Label();
        notice.setId("compare-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.notice());
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.format("%d judged this session", vm.judgedCount()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(8, a, b, tie, bad, notice, grow, count);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10, 14, 12, 14));
        bottom.getStyleClass().add("ask-bar");
        setBottom(bottom);

        // Once both answers are in, the verdict keys should work at once: leave the question field.
        vm.state().addListener((o, was, now) -> {
            if (now == CompareViewModel.State.JUDGING) {
                a.requestFocus();
            }
        });

        String section = "Side-by-side";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.A), "Verdict: A is better",
                () -> vm.judge(Verdict.A_BETTER));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.B), "Verdict: B is better",
                () -> vm.judge(Verdict.B_BETTER));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.T), "Verdict: tie", () -> vm.judge(Verdict.TIE));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.X), "Verdict: both bad",
                () -> vm.judge(Verdict.BOTH_BAD));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                "Focus the question field", input::requestFocus);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Stop both answers", vm::stop);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), "Swap configurations A and B", vm::swap);
    }

    private Button verdictButton(String text, Verdict v, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> vm.judge(v));
        button.disableProperty().bind(vm.state().isNotEqualTo(CompareViewModel.State.JUDGING)
                .and(vm.state().isNotEqualTo(CompareViewModel.State.JUDGED)));
        vm.verdict().addListener((o, was, now) -> {
            button.getStyleClass().remove("verdict-chosen");
            if (now == v) {
                button.getStyleClass().add("verdict-chosen");
            }
        });
        return button;
    }

    private Node side(String label, ObjectProperty<AssistantConfig> config,
                      ReadOnlyObjectProperty<AnswerViewModel> answer, Verdict win, Runnable openInspector) {
        ComboBox<AssistantConfig> choice = new ComboBox<>(vm.configs());
        choice.setId("config-" + label.toLowerCase());
        choice.valueProperty().bindBidirectional(config);
        Label name = new Label(label);
        name.getStyleClass().add("view-title");
        Label summary = new Label();
        summary.getStyleClass().add("config-summary");
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> config.get() == null ? "" : config.get().summary(), config));
        Label figures = new Label();
        figures.getStyleClass().add("answer-figures");
        Button inspect = new Button("Inspect");
        inspect.setOnAction(e -> {
            vm.inspect(answer.get());
            openInspector.run();
        });
        HBox head = new HBox(8, name, choice, figures, new Region(), inspect);
        HBox.setHgrow(head.getChildren().get(3), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);

        ElementNodes elements = new ElementNodes((owner, ref) -> {
            vm.inspect(owner);
            inspection.highlightedRef().set(ref);
            openInspector.run();
        }, target -> vm.notice().set("Store navigation → " + target), inspection);
        VBox box = new VBox(6, head, summary);
        box.getStyleClass().add("card-panel");
        Runnable show = () -> {
            AnswerArea area = new AnswerArea(elements, a -> new Region());
            area.setId("answer-" + label.toLowerCase());
            VirtualizedScrollPane<AnswerArea> scroll = new VirtualizedScrollPane<>(area);
            VBox.setVgrow(scroll, Priority.ALWAYS);
            if (box.getChildren().size() > 2) {
                box.getChildren().remove(2);
            }
            box.getChildren().add(scroll);
            AnswerViewModel current = answer.get();
            if (current != null) {
                area.follow(current);
                figures.textProperty().bind(Bindings.createStringBinding(() -> current.tokens().get() + " tokens · "
                        + current.state().get().name().toLowerCase(), current.tokens(), current.state()));
            }
        };
        answer.addListener((o, was, now) -> show.run());
        show.run();
        return box;
    }
}
