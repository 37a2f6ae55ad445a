package dev.aisle.app.workbench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The Aisle workbench window. */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Aisle workbench"));
        stage.setTitle("Aisle");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
