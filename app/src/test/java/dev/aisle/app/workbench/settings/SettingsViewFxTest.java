package dev.aisle.app.workbench.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aisle.app.workbench.service.Services;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsViewFxTest {

    private final AtomicReference<List<Services.PluginInfo>> plugins = new AtomicReference<>(List.of(
            new Services.PluginInfo("size-guide", "1.0.0 (classpath)", "1 evidence source", "")));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new SettingsView(List.of(), plugins::get, "cpu", "/tmp/home"), 900, 600));
        stage.show();
    }

    @Test
    void refreshShowsIncidentsThatHappenedSinceTheListWasRead(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Services.PluginInfo> table = robot.lookup("#plugin-table").queryAs(TableView.class);
        assertEquals("", table.getItems().get(0).incidents());

        plugins.set(List.of(new Services.PluginInfo("size-guide", "1.0.0 (classpath)", "1 evidence source", "",
                "1 incident, last: source size-guide: timeout, cut off after the 300 ms budget")));
        robot.clickOn("#plugins-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1 incident, last: source size-guide: timeout, cut off after the 300 ms budget",
                table.getItems().get(0).incidents());

        plugins.set(List.of(new Services.PluginInfo("size-guide", "1.0.0 (classpath)", "1 evidence source", "",
                "2 incidents, last: source size-guide: failed, IllegalStateException: down")));
        robot.clickOn("#plugin-table").type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 incidents, last: source size-guide: failed, IllegalStateException: down", table.getItems().get(0).incidents());
    }
}
