package dev.aisle.app.workbench.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** "Preparing corpus and index": what the first run shows while the engine gets ready. */
public final class StartupView extends VBox {

    public StartupView(StartupViewModel vm) {
        super(12);
        setId("startup-view");
        getStyleClass().add("startup-view");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        Label title = new Label("Preparing corpus and index");
        title.getStyleClass().add("title-2");
        Label stage = new Label();
        stage.setId("startup-stage");
        stage.getStyleClass().add("title-4");
        stage.textProperty().bind(vm.stage());
        ProgressBar bar = new ProgressBar();
        bar.setId("startup-progress");
        bar.setPrefWidth(480);
        bar.progressProperty().bind(vm.fraction());
        Label message = new Label();
        message.setId("startup-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(vm.message());
        message.setWrapText(true);
        message.setMaxWidth(560);
        ListView<String> log = new ListView<>(vm.log());
        log.setMaxSize(560, 180);
        log.getStyleClass().add("startup-log");
        getChildren().addAll(title, stage, bar, message, log);
    }
}
