package dev.aisle.app.workbench;

import javafx.application.Application;

/** Starts JavaFX from a main class that is not itself an Application (classpath launch). */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch() {
        Application.launch(WorkbenchApp.class);
    }
}
