package dev.aisle.app.workbench.chat;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The bar under a finished answer: thumbs, reason tags, copy, inspect, and the answer's figures. */
final class AnswerActions {

    private AnswerActions() {
    }

    static Node create(AnswerViewModel answer, Iterable<String> reasonTags, BiConsumer<AnswerViewModel, Boolean> rate,
                       Consumer<AnswerViewModel> copy, Consumer<AnswerViewModel> inspect) {
        ToggleButton up = new ToggleButton("▲ Good");
        up.getStyleClass().add("thumb-up");
        up.setTooltip(new Tooltip("Good answer (Alt+Up on the latest answer)"));
        ToggleButton down = new ToggleButton("▼ Bad");
        down.getStyleClass().add("thumb-down");
        down.setTooltip(new Tooltip("Bad answer (Alt+Down on the latest answer)"));
        Runnable sync = () -> {
            up.setSelected(answer.thumb().get() == AnswerViewModel.Thumb.UP);
            down.setSelected(answer.thumb().get() == AnswerViewModel.Thumb.DOWN);
        };
        sync.run();
        answer.thumb().addListener((o, a, b) -> sync.run());
        up.setOnAction(e -> {
            rate.accept(answer, true);
            sync.run();
        });
        down.setOnAction(e -> {
            rate.accept(answer, false);
            sync.run();
        });

        MenuButton reasons = new MenuButton("Reasons");
        reasons.getStyleClass().add("reason-tags");
        for (String tag : reasonTags) {
            CheckMenuItem item = new CheckMenuItem(tag);
            item.setSelected(answer.reasons().contains(tag));
            item.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    answer.reasons().add(tag);
                } else {
                    answer.reasons().remove(tag);
                }
            });
            reasons.getItems().add(item);
        }
        Button copyButton = new Button("Copy");
        copyButton.setOnAction(e -> copy.accept(answer));
        Button inspectButton = new Button("Inspect");
        inspectButton.getStyleClass().add("inspect");
        inspectButton.setOnAction(e -> inspect.accept(answer));
        inspectButton.setDisable(answer.trace().get() == null);

        String ttft = answer.ttftMillis() < 0 ? "" : " · first token %.0f ms".formatted(answer.ttftMillis());
        Label figures = new Label(answer.tokens().get() + " tokens" + ttft + " · " + answer.config().name()
                + (answer.state().get() == AnswerViewModel.State.STOPPED ? " · stopped" : ""));
        figures.getStyleClass().add("answer-figures");

        HBox bar = new HBox(6, up, down, reasons, copyButton, inspectButton, figures);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("answer-actions");
        return bar;
    }
}
