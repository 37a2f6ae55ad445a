package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.service.AssistantConfig;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** The chat console. Binds to {@link ChatViewModel}; holds no state of its own. */
public final class ChatView extends BorderPane {

    private final ChatViewModel vm;
    private final AnswerArea area;
    private final TextField input = new TextField();

    /**
     * @param onCite shows a citation in the inspector (switches view)
     */
    public ChatView(ChatViewModel vm, ShortcutRegistry shortcuts, Consumer<String> onCite,
                    dev.aisle.app.workbench.common.Inspection inspection) {
        this.vm = vm;
        getStyleClass().add("chat-view");
        ElementNodes elements = new ElementNodes((answer, ref) -> {
            vm.inspect(answer, ref);
            onCite.accept(ref);
        }, vm::navigate, inspection);
        area = new AnswerArea(elements, answer -> AnswerActions.create(answer, vm.reasonTags(),
                vm::rate, this::copy, a -> {
                    vm.inspect(a, "");
                    onCite.accept("");
                }));
        area.setId("answer-area");

        ComboBox<AssistantConfig> configs = new ComboBox<>(vm.configs());
        configs.setId("config-choice");
        configs.valueProperty().bindBidirectional(vm.config());
        Label summary = new Label();
        summary.getStyleClass().add("config-summary");
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> vm.config().get() == null ? "no configuration" : vm.config().get().summary(), vm.config()));
        Button newChat = new Button("New chat");
        newChat.setOnAction(e -> vm.clear());
        Button regenerate = new Button("Regenerate");
        regenerate.setId("regenerate");
        regenerate.setOnAction(e -> vm.regenerate());
        regenerate.disableProperty().bind(vm.state().isNotEqualTo(ChatViewModel.State.IDLE)
                .or(Bindings.isEmpty(vm.turns())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, new Label("Configuration"), configs, summary, grow, newChat, regenerate);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("view-toolbar");
        setTop(top);

        VirtualizedScrollPane<AnswerArea> scroll = new VirtualizedScrollPane<>(area);
        setCenter(scroll);

        input.setId("question");
        input.setPromptText("Ask the assistant — e.g. What do I need for cold-weather golf?");
        input.textProperty().bindBidirectional(vm.question());
        input.setOnAction(e -> vm.ask());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button ask = new Button("Ask");
        ask.setId("ask");
        ask.setDefaultButton(false);
        ask.getStyleClass().add("accent");
        ask.setOnAction(e -> vm.ask());
        ask.disableProperty().bind(vm.canAsk().not());
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.getStyleClass().add("danger");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.state().isNotEqualTo(ChatViewModel.State.ANSWERING));
        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.notice());
        HBox bottom = new HBox(8, input, ask, stop, notice);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10, 14, 12, 14));
        bottom.getStyleClass().add("ask-bar");
        setBottom(bottom);

        for (AnswerViewModel turn : vm.turns()) {
            area.follow(turn);
        }
        vm.turns().addListener((ListChangeListener<AnswerViewModel>) change -> {
            boolean rebuild = false;
            while (change.next()) {
                if (change.wasRemoved()) {
                    rebuild = true;
                } else {
                    change.getAddedSubList().forEach(area::follow);
                }
            }
            if (rebuild) {
                area.clear();
                vm.turns().forEach(area::follow);
            }
        });

        String section = "Chat";
        shortcuts.register(section, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                "Focus the question field", input::requestFocus);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.ESCAPE), "Stop the answer", vm::stop);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                "Regenerate the last answer", vm::regenerate);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                "New chat", vm::clear);
        shortcuts.register(section, new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), "Copy the last answer", () -> last(this::copy));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN),
                "Thumbs up on the last answer", () -> last(a -> vm.rate(a, true)));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN),
                "Thumbs down on the last answer", () -> last(a -> vm.rate(a, false)));
        shortcuts.register(section, new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                "Next configuration", () -> {
                    int i = vm.configs().indexOf(vm.config().get());
                    if (!vm.configs().isEmpty()) {
                        vm.config().set(vm.configs().get((i + 1) % vm.configs().size()));
                    }
                });
    }

    private void last(Consumer<AnswerViewModel> action) {
        if (!vm.turns().isEmpty()) {
            action.accept(vm.turns().get(vm.turns().size() - 1));
        }
    }

    private void copy(AnswerViewModel answer) {
        ClipboardContent content = new ClipboardContent();
        content.putString(answer.text().get());
        Clipboard.getSystemClipboard().setContent(content);
        vm.notice().set("Answer copied.");
    }

    public void focusInput() {
        input.requestFocus();
    }
}
