package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.Workbench;
import dev.aisle.app.workbench.theme.Theme;
import javafx.stage.Stage;

/**
 * The workbench window on scripted services, as the TestFX flows open it. (TestFX looks for
 * {@code @Start} only on the test class itself, so each test keeps its own one-line start method.)
 */
public final class ScriptedWindow {

    private ScriptedWindow() {
    }

    public static Workbench show(Stage stage, ScriptedServices services) {
        Theme.applyUserAgent(false);
        Workbench workbench = new Workbench(services.startup(), 1200, 760);
        stage.setScene(workbench.scene());
        stage.show();
        return workbench;
    }
}
