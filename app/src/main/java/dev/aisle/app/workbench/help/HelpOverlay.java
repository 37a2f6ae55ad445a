package dev.aisle.app.workbench.help;

import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A dimmed overlay listing every registered shortcut; toggled with F1 or ?, closed with Esc or a click. */
public final class HelpOverlay extends StackPane {

    private final ShortcutRegistry registry;
    private final VBox content = new VBox(14);

    public HelpOverlay(ShortcutRegistry registry) {
        this.registry = registry;
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        setVisible(false);
        content.getStyleClass().add("help-card");
        content.setPadding(new Insets(20, 28, 20, 28));
        content.setMaxSize(760, 640);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setMaxSize(780, 660);
        scroll.getStyleClass().add("help-scroll");
        getChildren().add(scroll);
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> hide());
    }

    public void toggle() {
        if (isVisible()) {
            hide();
        } else {
            show();
        }
    }

    public void show() {
        rebuild();
        setVisible(true);
        toFront();
    }

    public void hide() {
        setVisible(false);
    }

    private void rebuild() {
        content.getChildren().clear();
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        content.getChildren().add(title);
        for (Map.Entry<String, List<ShortcutRegistry.Shortcut>> e : registry.all().entrySet()) {
            Label section = new Label(e.getKey());
            section.getStyleClass().add("help-section");
            GridPane grid = new GridPane();
            grid.setHgap(24);
            grid.setVgap(4);
            int row = 0;
            for (ShortcutRegistry.Shortcut s : e.getValue()) {
                Label keys = new Label(s.keys().getDisplayText());
                keys.getStyleClass().add("help-keys");
                grid.add(keys, 0, row);
                grid.add(new Label(s.description()), 1, row++);
            }
            content.getChildren().addAll(section, grid);
        }
    }
}
