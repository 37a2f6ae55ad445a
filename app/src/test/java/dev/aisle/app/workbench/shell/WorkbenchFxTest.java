package dev.aisle.app.workbench.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.Workbench;
import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.app.workbench.support.ScriptedAnswers;
import dev.aisle.app.workbench.support.ScriptedServices;
import dev.aisle.app.workbench.support.ScriptedWindow;
import dev.aisle.app.workbench.support.ScriptedTraining;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.RequestEvent;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each view's main flow, driven through the window with keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {

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

    private void open(FxRobot robot, Section section) {
        robot.interact(() -> workbench.shell().section().set(section));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sideBySideVerdictByKeyboardIsStoredAsPreference(FxRobot robot) {
        open(robot, Section.COMPARE);
        robot.clickOn("#compare-question").write("Trail shoes or running shoes?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, services.feedback.preferences.size());
        assertEquals(FeedbackSink.Verdict.B_BETTER, services.feedback.preferences.get(0).verdict());
        assertEquals(2, services.answers.asked.size());
    }

    @Test
    void annotateLabelsByKeyboardButNotWhileTypingAComment(FxRobot robot) {
        open(robot, Section.ANNOTATE);
        assertEquals("Question 1?", robot.lookup("#annotate-question").queryAs(Label.class).getText());
        robot.clickOn("#annotate-comment").write("good grief");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(services.annotations.labels.isEmpty(), "letters typed in the comment are not shortcuts");
        robot.type(KeyCode.ESCAPE).type(KeyCode.DIGIT1).type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, services.annotations.labels.size());
        AnnotationQueue.Label label = services.annotations.labels.get(0);
        assertEquals(AnnotationQueue.Verdict.BAD, label.verdict());
        assertEquals("good grief", label.comment());
        assertEquals(1, label.reasons().size());
        assertEquals("Question 2?", robot.lookup("#annotate-question").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#annotate-progress-text").queryAs(Label.class).getText().startsWith("1 of 3"));
    }

    @Test
    void dashboardShowsLiveFiguresAndTimeline(FxRobot robot) throws Exception {
        long now = System.nanoTime();
        services.metrics.onRequest(new RequestEvent("req-1", RequestEvent.Kind.QUEUED, now, 50, ""));
        services.metrics.onRequest(new RequestEvent("req-1", RequestEvent.Kind.ADMITTED, now + 1_000_000, 0, ""));
        open(robot, Section.DASHBOARD);
        // Live figures count only iterations of the last two seconds: keep the scheduler "running".
        // The charts change the scene graph four times a second: read it on the FX thread only.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            services.metrics.onIteration(new IterationEvent(1, System.nanoTime(), 1_000_000, 5_000_000, 7, 3, 0, 7,
                    50, 7, 0, 12, 0.4, 0));
            return "7".equals(fxText(robot, "#figure-batch"));
        });
        assertEquals("3", fxText(robot, "#figure-queue"));
        assertEquals("40", fxText(robot, "#figure-kv-usage"));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#scheduler-timeline").tryQuery().isPresent()).get());
    }

    private static String fxText(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Label.class).getText()).get();
    }

    @Test
    void evaluationItemDrillsIntoTheInspector(FxRobot robot) {
        open(robot, Section.EVALUATIONS);
        robot.clickOn("#run-suite");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> items = robot.lookup("#eval-items").queryAs(TableView.class);
        assertEquals(2, items.getItems().size());
        robot.clickOn("groundedness 0.00").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.INSPECTOR, workbench.shell().section().get());
        assertEquals("Answer 2", robot.lookup("#inspected-answer").queryAs(Label.class).getText());
    }

    @Test
    void trainedModelCanBeUsedInChat(FxRobot robot) {
        open(robot, Section.TRAINING);
        assertTrue(robot.lookup("#feedback-counts").queryAs(Label.class).getText().contains("12 DPO pairs"));
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#train-use");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.CHAT, workbench.shell().section().get());
        robot.clickOn("#question").write("golf?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("golf? @" + ScriptedTraining.TRAINED.name(), services.answers.asked.get(0));
    }

    @Test
    void settingsListPlugins(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.SETTINGS, workbench.shell().section().get());
        assertTrue(robot.lookup("demo-plugin").tryQuery().isPresent());
    }

    @Test
    void inspectorShowsTheAnswersTraceAfterChat(FxRobot robot) {
        robot.clickOn("#question").write("golf?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".inspect");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.INSPECTOR, workbench.shell().section().get());
        assertTrue(robot.lookup("#inspector-summary").queryAs(Label.class).getText().startsWith("1 tokens"));
    }

    @Test
    void failedStartupShowsTheErrorInTheWindow(FxRobot robot) {
        EngineStartup failing = progress -> {
            progress.accept(new EngineStartup.Progress("Building the retrieval index", 0.5, "documents 10/20"));
            throw new IllegalStateException("index directory /x/index is not writable");
        };
        robot.interact(() -> {
            workbench.close();
            workbench = new Workbench(failing, 1000, 700);
            ((Stage) robot.listWindows().get(0)).setScene(workbench.scene());
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Engine failed", robot.lookup("#engine-state").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#error-banner").query().isVisible());
        assertTrue(robot.lookup("Preparing the engine failed: index directory /x/index is not writable").tryQuery()
                .isPresent());
        assertFalse(robot.lookup("#startup-message").queryAs(Label.class).getText().isEmpty());
    }
}
