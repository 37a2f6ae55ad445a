package dev.aisle.app.workbench.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.Workbench;
import dev.aisle.app.workbench.shell.Section;
import dev.aisle.app.workbench.support.ScriptedAnswers;
import dev.aisle.app.workbench.support.ScriptedServices;
import dev.aisle.app.workbench.support.ScriptedWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChatViewFxTest {

    private final ScriptedServices services = new ScriptedServices(new ScriptedAnswers());
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = ScriptedWindow.show(stage, services);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void askingShowsTheAnswerWithAHydratedCardAndStoresThumbs(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Engine ready", robot.lookup("#engine-state").queryAs(Label.class).getText());

        robot.clickOn("#question").write("What do I need for cold-weather golf?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        AnswerArea area = robot.lookup("#answer-area").queryAs(AnswerArea.class);
        assertTrue(area.getText().contains("What do I need for cold-weather golf?"));
        assertTrue(area.getText().contains("these <b>gloves</b>"), "model text is shown as text");
        Node card = robot.lookup(".product-card").query();
        assertTrue(card.getStyleClass().contains("hydrated"));
        assertFalse(robot.lookup(".card-title").queryAllAs(Label.class).isEmpty());
        assertEquals("Thermal Golf Mitts", robot.lookup(".card-title").queryAs(Label.class).getText());
        // A plugin element shows the text its plugin rendered, once hydrated.
        assertTrue(robot.lookup(".plugin-element").query().getStyleClass().contains("hydrated"));
        assertEquals("Deal: Thermal Golf Mitts — $24.99, was $29.99 (save $5.00, 16%)",
                robot.lookup(".plugin-deal").queryAs(Label.class).getText());

        robot.clickOn(".thumb-up");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, services.feedback.ratings.size());
        assertTrue(services.feedback.ratings.get(0).up());
    }

    @Test
    void clickingACitationOpensTheInspector(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#question").write("golf?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".cite");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.INSPECTOR, workbench.shell().section().get());
    }

    @Test
    void helpOverlayListsShortcuts(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        assertTrue(robot.lookup("Regenerate the last answer").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
    }
}
