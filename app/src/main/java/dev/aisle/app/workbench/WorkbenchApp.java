package dev.aisle.app.workbench;

import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.engine.EmbeddedStartup;
import dev.aisle.app.workbench.theme.Theme;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;

/** The Aisle workbench window. */
public final class WorkbenchApp extends Application {

    private static volatile Supplier<EngineStartup> startupFactory = EmbeddedStartup::new;
    private Workbench workbench;

    /** Chooses what prepares the engine (tests and benchmarks pass their own); call before launch. */
    public static void useStartup(Supplier<EngineStartup> factory) {
        startupFactory = factory;
    }

    @Override
    public void start(Stage stage) {
        Theme.applyUserAgent(Boolean.getBoolean("aisle.dark"));
        workbench = new Workbench(startupFactory.get(), 1440, 880);
        stage.setTitle("Aisle — assistant workbench");
        stage.setScene(workbench.scene());
        stage.show();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
