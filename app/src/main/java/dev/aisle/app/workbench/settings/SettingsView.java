package dev.aisle.app.workbench.settings;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.theme.Theme;
import java.util.List;
import java.util.function.Function;
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

    public SettingsView(List<AssistantConfig> configs, List<Services.PluginInfo> plugins, String engine, String home) {
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
        pluginTable.getItems().setAll(plugins);
        pluginTable.getColumns().add(col("plugin", Services.PluginInfo::name));
        pluginTable.getColumns().add(col("version", Services.PluginInfo::version));
        pluginTable.getColumns().add(col("contributes", Services.PluginInfo::kind));
        pluginTable.getColumns().add(col("status", p -> p.error().isEmpty() ? "loaded" : "error: " + p.error()));
        pluginTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pluginTable.setPlaceholder(new Label("No plugins on the class path or in AISLE_HOME/plugins/ (see README, \"Writing a plugin\")."));

        Label configsTitle = new Label("Configurations");
        configsTitle.getStyleClass().add("panel-title");
        Label pluginsTitle = new Label("Plugins");
        pluginsTitle.getStyleClass().add("panel-title");
        VBox box = new VBox(10, engineLabel, homeLabel, dark, configsTitle, configTable, pluginsTitle, pluginTable);
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
