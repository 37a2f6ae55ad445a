package dev.aisle.app.workbench.settings;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.theme.Theme;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Settings and plugins. Read-only tables of what the engine reports; the only setting changed
 * here is the theme, which needs no engine work (so there is no ViewModel).
 */
public final class SettingsView extends BorderPane {

    /** @param plugins read now and on "Refresh" (F5): their incident counts change while the engine runs */
    public SettingsView(List<AssistantConfig> configs, Supplier<List<Services.PluginInfo>> plugins, String engine, String home) {
        setId("settings-view");
        Label engineLabel = new Label("Engine: " + engine);
        Label homeLabel = new Label("AISLE_HOME: " + home);
        homeLabel.getStyleClass().add("text-muted");
        CheckBox dark = new CheckBox("Dark theme");
        dark.setSelected(Boolean.getBoolean("aisle.dark"));
        dark.selectedProperty().addListener((o, a, b) -> Theme.applyUserAgent(b));

        TableView<AssistantConfig> configTable = new TableView<>();
        configTable.setId("config-table");
        configTable.getItems().setAll(configs);
        configTable.getColumns().add(col("name", AssistantConfig::name));
        configTable.getColumns().add(col("model", AssistantConfig::model));
        configTable.getColumns().add(col("backend", AssistantConfig::backend));
        configTable.getColumns().add(col("temperature", AssistantConfig::temperature));
        configTable.getColumns().add(col("top-p", AssistantConfig::topP));
        configTable.getColumns().add(col("max tokens", AssistantConfig::maxNewTokens));
        configTable.getColumns().add(col("retrieval", AssistantConfig::retrievalMode));
        configTable.getColumns().add(col("top-k", AssistantConfig::retrievalTopK));
        configTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        configTable.setPrefHeight(180);

        TableView<Services.PluginInfo> pluginTable = new TableView<>();
        pluginTable.setId("plugin-table");
        pluginTable.getItems().setAll(plugins.get());
        pluginTable.getColumns().add(col("plugin", Services.PluginInfo::name));
        pluginTable.getColumns().add(col("version", Services.PluginInfo::version));
        pluginTable.getColumns().add(col("contributes", Services.PluginInfo::kind));
        pluginTable.getColumns().add(col("status", p -> p.error().isEmpty() ? "loaded" : "error: " + p.error()));
        pluginTable.getColumns().add(col("incidents", p -> p.incidents().isEmpty() ? "none" : p.incidents()));
        pluginTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pluginTable.setPlaceholder(new Label("No plugins on the class path or in AISLE_HOME/plugins/ (see README, \"Writing a plugin\")."));

        Label configsTitle = new Label("Configurations");
        configsTitle.getStyleClass().add("panel-title");
        Label pluginsTitle = new Label("Plugins");
        pluginsTitle.getStyleClass().add("panel-title");
        // The plugin list is cheap to read (counts the engine keeps), so the FX thread may read it.
        Button refresh = new Button("Refresh (F5)");
        refresh.setId("plugins-refresh");
        refresh.setOnAction(e -> pluginTable.getItems().setAll(plugins.get()));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                refresh.fire();
                e.consume();
            }
        });
        HBox pluginsHeader = new HBox(10, pluginsTitle, refresh);
        pluginsHeader.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, engineLabel, homeLabel, dark, configsTitle, configTable, pluginsHeader, pluginTable);
        VBox.setVgrow(pluginTable, Priority.ALWAYS);
        box.setPadding(new Insets(14));
        setCenter(box);
    }

    private static <S> TableColumn<S, Object> col(String title, Function<S, Object> value) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
