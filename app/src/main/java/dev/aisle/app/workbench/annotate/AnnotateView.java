package dev.aisle.app.workbench.annotate;

import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.AnnotationQueue.Verdict;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The annotation queue. Binds to {@link AnnotateViewModel}. */
public final class AnnotateView extends BorderPane {

    public AnnotateView(AnnotateViewModel vm, ShortcutRegistry shortcuts) {
        setId("annotate-view");
        getStyleClass().add("annotate-view");

        ListView<AnnotationQueue.Item> queue = new ListView<>(vm.items());
        queue.setId("annotation-queue");
        queue.setPrefWidth(300);
        queue.setFocusTraversable(false);
        queue.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(AnnotationQueue.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.question());
            }
        });
        Label queueTitle = new Label("Queue");
        queueTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(6, queueTitle, queue);
        VBox.setVgrow(queue, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        setLeft(left);

        Label question = new Label();
        question.setId("annotate-question");
        question.getStyleClass().add("view-title");
        question.setWrapText(true);
        Label config = new Label();
        config.getStyleClass().add("text-muted");
        // The answer is model output: shown as plain text in a read-only text area, never as markup.
        TextArea answer = new TextArea();
        answer.setId("annotate-answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setFocusTraversable(false);
        vm.current().addListener((o, was, now) -> {
            question.setText(now == null ? "The queue is empty — nothing left to label." : now.question());
            answer.setText(now == null ? "" : now.answer());
            config.setText(now == null ? "" : "configuration " + now.config() + " · trace " + now.traceId());
        });

        FlowPane tags = new FlowPane(6, 6);
        for (int i = 0; i < vm.tags().size(); i++) {
            int index = i;
            String tag = vm.tags().get(i);
            ToggleButton t = new ToggleButton((i + 1) + "  " + tag);
            t.getStyleClass().add("reason-tag");
            t.setFocusTraversable(false);
            t.setOnAction(e -> vm.toggleReason(index));
            vm.reasons().addListener((SetChangeListener<String>) c -> t.setSelected(vm.reasons().contains(tag)));
            tags.getChildren().add(t);
        }
        TextField comment = new TextField();
        comment.setId("annotate-comment");
        comment.setPromptText("Comment (C to focus, Esc to leave)");
        comment.textProperty().bindBidirectional(vm.comment());
        comment.setOnAction(e -> requestFocus());

        Button good = new Button("Good  [G]");
        good.setId("label-good");
        good.getStyleClass().add("success");
        good.setOnAction(e -> vm.label(Verdict.GOOD));
        Button bad = new Button("Bad  [D]");
        bad.setId("label-bad");
        bad.getStyleClass().add("danger");
        bad.setOnAction(e -> vm.label(Verdict.BAD));
        Button skip = new Button("Skip  [S]");
        skip.setOnAction(e -> vm.label(Verdict.SKIP));
        for (Button b : new Button[] {good, bad, skip}) {
            b.disableProperty().bind(vm.state().isNotEqualTo(AnnotateViewModel.State.LABELLING));
        }
        HBox actions = new HBox(8, good, bad, skip);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(10, question, config, answer, new Label("Reasons (1–9)"), tags, comment, actions);
        VBox.setVgrow(answer, Priority.ALWAYS);
        center.setPadding(new Insets(12, 16, 12, 4));
        setCenter(center);

        ProgressBar bar = new ProgressBar();
        bar.setId("annotate-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            AnnotationQueue.Progress p = vm.progress().get();
            return p.total() == 0 ? 0 : (double) p.labelled() / p.total();
        }, vm.progress()));
        Label progress = new Label();
        progress.setId("annotate-progress-text");
        progress.textProperty().bind(Bindings.createStringBinding(() -> {
            AnnotationQueue.Progress p = vm.progress().get();
            return p.labelled() + " of " + p.total() + " labelled by " + vm.annotator().get();
        }, vm.progress(), vm.annotator()));
        Label agreement = new Label();
        agreement.setId("annotate-agreement");
        agreement.textProperty().bind(Bindings.createStringBinding(() -> {
            AnnotationQueue.Agreement a = vm.agreement().get();
            return a.overlappingItems() == 0 ? "Agreement: no item labelled by two annotators yet"
                    : "Agreement on %d shared items: %.0f%% · Cohen's κ %.2f".formatted(a.overlappingItems(),
                    100 * a.percentAgreement(), a.kappa());
        }, vm.agreement()));
        TextField who = new TextField();
        who.setPrefColumnCount(10);
        who.textProperty().bindBidirectional(vm.annotator());
        who.setOnAction(e -> vm.load());
        HBox bottom = new HBox(12, new Label("Annotator"), who, bar, progress, agreement);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 14, 10, 14));
        bottom.getStyleClass().add("ask-bar");
        setBottom(bottom);

        String section = "Annotate";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.G), "Label: good", () -> vm.label(Verdict.GOOD));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.D), "Label: bad", () -> vm.label(Verdict.BAD));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.S), "Skip the item", () -> vm.label(Verdict.SKIP));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.C), "Write a comment", comment::requestFocus);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Leave the comment field",
                this::requestFocus);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.F5), "Reload the queue", vm::load);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < Math.min(9, vm.tags().size()); i++) {
            int index = i;
            shortcuts.register(section, new KeyCodeCombination(digits[i]), "Toggle reason '" + vm.tags().get(i) + "'",
                    () -> vm.toggleReason(index));
        }
        setFocusTraversable(true);
        vm.load();
    }
}
