package dev.aisle.app.workbench.shell;

import dev.aisle.app.workbench.help.HelpOverlay;
import dev.aisle.app.workbench.help.ShortcutRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The workbench window's layout: sidebar, error banner, the current view, status bar, and the
 * shortcut help overlay on top. Views are created the first time their section is opened.
 */
public final class ShellView extends StackPane {

    private final ShellViewModel vm;
    private final Map<Section, Supplier<Node>> factories = new EnumMap<>(Section.class);
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final HelpOverlay help;
    private final ToggleGroup nav = new ToggleGroup();
    private Node startup;

    public ShellView(ShellViewModel vm, ShortcutRegistry shortcuts) {
        this.vm = vm;
        getStyleClass().add("shell");
        help = new HelpOverlay(shortcuts);

        BorderPane frame = new BorderPane();
        frame.setLeft(sidebar());
        VBox center = new VBox(errorBanner(), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        content.getStyleClass().add("content");
        frame.setCenter(center);
        frame.setBottom(statusBar());
        getChildren().addAll(frame, help);

        shortcuts.setActiveSection(() -> help.isVisible() ? "Help" : vm.section().get().title());
        for (Section s : Section.values()) {
            shortcuts.register(ShortcutRegistry.GLOBAL, new KeyCodeCombination(s.key(), KeyCombination.SHORTCUT_DOWN),
                    "Open " + s.title(), () -> vm.section().set(s));
        }
        shortcuts.register(ShortcutRegistry.GLOBAL, new KeyCodeCombination(KeyCode.F1), "Show or hide this help",
                help::toggle);
        shortcuts.register(ShortcutRegistry.GLOBAL, new KeyCharacterCombination("?"), "Show or hide this help",
                help::toggle, false);
        shortcuts.register("Help", new KeyCodeCombination(KeyCode.ESCAPE), "Close the help", help::hide);
        shortcuts.register(ShortcutRegistry.GLOBAL, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), "Dismiss the latest error", vm::dismissProblem);

        vm.section().addListener((o, was, now) -> show(now));
    }

    /** Registers how to build a section's view; it is built when first shown. */
    public void define(Section section, Supplier<Node> factory) {
        factories.put(section, factory);
        if (vm.section().get() == section && startup == null) {
            show(section);
        }
    }

    /** Shows the startup screen instead of the views until {@link #hideStartup()}. */
    public void showStartup(Node startupView) {
        startup = startupView;
        content.getChildren().setAll(startupView);
    }

    public void hideStartup() {
        startup = null;
        show(vm.section().get());
    }

    public HelpOverlay help() {
        return help;
    }

    private void show(Section section) {
        nav.getToggles().stream().filter(t -> t.getUserData() == section).findFirst()
                .ifPresent(t -> t.setSelected(true));
        if (startup != null) {
            return;
        }
        Supplier<Node> factory = factories.get(section);
        Node view;
        if (factory == null) {
            view = placeholder(section, section.title() + " is not available until the engine is ready.");
        } else {
            try {
                view = views.computeIfAbsent(section, s -> factory.get());
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                vm.report("Opening " + section.title(), message);
                view = placeholder(section, section.title() + " could not be opened: " + message);
            }
        }
        content.getChildren().setAll(view);
    }

    private static Node placeholder(Section section, String text) {
        Label label = new Label(text);
        label.setId("placeholder-" + section.name().toLowerCase());
        label.getStyleClass().add("text-muted");
        return new StackPane(label);
    }

    private Node sidebar() {
        VBox bar = new VBox(2);
        bar.getStyleClass().add("sidebar");
        bar.setPadding(new Insets(14, 8, 14, 8));
        bar.setPrefWidth(196);
        Label brand = new Label("Aisle");
        brand.getStyleClass().add("brand");
        Label tagline = new Label("assistant workbench");
        tagline.getStyleClass().add("brand-tagline");
        VBox head = new VBox(0, brand, tagline);
        head.setPadding(new Insets(0, 8, 16, 8));
        bar.getChildren().add(head);
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.name().toLowerCase());
            b.setUserData(s);
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-item");
            b.setTooltip(new javafx.scene.control.Tooltip(s.subtitle() + " (Ctrl+" + (s.ordinal() + 1) + ")"));
            b.setOnAction(e -> {
                vm.section().set(s);
                b.setSelected(true);
            });
            b.setSelected(s == vm.section().get());
            bar.getChildren().add(b);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Button keys = new Button("Shortcuts  F1");
        keys.getStyleClass().addAll("flat", "help-button");
        keys.setMaxWidth(Double.MAX_VALUE);
        keys.setOnAction(e -> help.toggle());
        bar.getChildren().addAll(grow, keys);
        return bar;
    }

    private Node errorBanner() {
        VBox banner = new VBox(4);
        banner.setId("error-banner");
        banner.getStyleClass().add("error-banner");
        Runnable rebuild = () -> {
            banner.getChildren().clear();
            for (ShellViewModel.Problem p : vm.problems()) {
                Label text = new Label(p.where() + " failed: " + p.message());
                text.getStyleClass().add("error-text");
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Button close = new Button("Dismiss");
                close.getStyleClass().add("flat");
                close.setOnAction(e -> vm.problems().remove(p));
                HBox row = new HBox(10, text, close);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("error-row");
                banner.getChildren().add(row);
            }
            banner.setVisible(!vm.problems().isEmpty());
            banner.setManaged(!vm.problems().isEmpty());
        };
        vm.problems().addListener((ListChangeListener<ShellViewModel.Problem>) c -> rebuild.run());
        rebuild.run();
        return banner;
    }

    private Node statusBar() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("engine-dot");
        Runnable paint = () -> {
            dot.getStyleClass().removeAll("preparing", "ready", "failed");
            dot.getStyleClass().add(vm.engine().get().name().toLowerCase());
        };
        vm.engine().addListener((o, a, b) -> paint.run());
        paint.run();
        Label state = new Label();
        state.setId("engine-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.engine().get()) {
            case PREPARING -> "Engine preparing";
            case READY -> "Engine ready";
            case FAILED -> "Engine failed";
        }, vm.engine()));
        Label description = new Label();
        description.setId("engine-description");
        description.textProperty().bind(vm.engineDescription());
        description.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label hint = new Label("F1 shortcuts · Ctrl+1…8 views");
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, dot, state, description, grow, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
