package dev.aisle.app.workbench.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.Workbench;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.app.workbench.service.engine.EmbeddedStartup;
import dev.aisle.app.workbench.support.TinyEngine;
import dev.aisle.app.workbench.theme.Theme;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.ModelEntry;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Evaluations and Training views on the real engine: a 40-product corpus with its index and a
 * random-weight tiny model ({@link TinyEngine}), the evaluations module's runner, the feedback
 * store and the DPO stage. Random weights answer nonsense; these tests check the wiring end to end.
 */
@ExtendWith(ApplicationExtension.class)
class EngineViewsFxTest {

    private static TinyEngine engine;
    private AisleHome home;
    private Workbench workbench;

    @BeforeAll
    static void buildEngine() throws Exception {
        engine = TinyEngine.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        Theme.applyUserAgent(false);
        home = engine.freshHome();
        workbench = new Workbench(new EmbeddedStartup(home, Optional.of(engine.modelDir().toString())), 1280, 800);
        stage.setScene(workbench.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void ready() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> fx(() -> workbench.shell().engine().get() != ShellViewModel.EngineState.PREPARING));
        assertEquals(ShellViewModel.EngineState.READY, fx(() -> workbench.shell().engine().get()),
                () -> "engine failed: " + workbench.shell().problems());
    }

    private void open(FxRobot robot, Section section) {
        robot.interact(() -> workbench.shell().section().set(section));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean disabled(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).query().isDisabled());
    }

    @Test
    void suiteRunsThroughTheRunnerStopsAndDrillsIntoTheRealTrace(FxRobot robot) throws Exception {
        ready();
        open(robot, Section.EVALUATIONS);
        robot.interact(() -> {
            robot.lookup("#suite-choice").<ComboBox<String>>query().setValue("adversarial");
            robot.lookup("#suite-limit").<Spinner<Integer>>query().getValueFactory().setValue(3);
        });
        robot.clickOn("#run-suite");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, "#eval-progress").startsWith("Done"));
        TableView<EvaluationService.ItemResult> items = robot.lookup("#eval-items").queryAs(TableView.class);
        List<EvaluationService.ItemResult> results = fx(() -> List.copyOf(items.getItems()));
        assertEquals(3, results.size());
        TableView<EvaluationService.ConfigSummary> summary = robot.lookup("#eval-summary").queryAs(TableView.class);
        EvaluationService.ConfigSummary greedy = fx(() -> summary.getItems().get(0));
        assertEquals("greedy", greedy.config());
        assertEquals(3, greedy.items());
        assertTrue(greedy.means().containsKey("e2e_ms"), greedy.means().toString());
        String progress = text(robot, "#eval-progress");
        Path runDir = Path.of(progress.substring(progress.indexOf("report in ") + "report in ".length()));
        assertTrue(runDir.startsWith(home.runsDir()), runDir.toString());
        assertTrue(Files.isRegularFile(runDir.resolve("results.json")));
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")));

        // The drill-down opens the item's own AnswerTrace: the engine's, with its retrieval sections.
        int row = 0;
        while (results.get(row).trace() == null) {
            row++;
        }
        EvaluationService.ItemResult item = results.get(row);
        assertTrue(item.trace().sections().containsKey("rag.evidence"), item.trace().sections().keySet().toString());
        int select = row;
        robot.interact(() -> {
            items.requestFocus();
            items.getSelectionModel().select(select);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.INSPECTOR, fx(() -> workbench.shell().section().get()));
        assertEquals(item.trace().answerText(), text(robot, "#inspected-answer"));

        // A full run, stopped after its first item: the items done are kept.
        open(robot, Section.EVALUATIONS);
        robot.interact(() -> robot.lookup("#suite-limit").<Spinner<Integer>>query().getValueFactory().setValue(0));
        robot.clickOn("#run-suite");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#eval-progress").startsWith("1 of 14"));
        robot.clickOn("#stop-suite");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#eval-progress").startsWith("Stopped after"));
        int kept = fx(() -> items.getItems().size());
        assertTrue(kept >= 1 && kept < 14, "kept " + kept);
        assertFalse(disabled(robot, "#run-suite"));
    }

    @Test
    void preferenceFromSideBySideTrainsDpoThatTheChatThenUses(FxRobot robot) throws Exception {
        ready();
        open(robot, Section.TRAINING);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#feedback-note").startsWith("No feedback to train DPO on yet"));
        assertTrue(disabled(robot, "#train-start"));

        open(robot, Section.COMPARE);
        robot.clickOn("#compare-question").write("Trail shoes or running shoes?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !disabled(robot, "#verdict-a"));
        robot.clickOn("#verdict-a");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#compare-notice").startsWith("Stored:"));

        open(robot, Section.TRAINING);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#feedback-counts").contains("1 DPO pairs"));
        assertEquals("DPO will train on 1 preference pairs.", text(robot, "#feedback-note"));
        robot.interact(() -> robot.lookup("#train-steps").<Spinner<Integer>>query().getValueFactory().setValue(500));
        robot.clickOn("#train-start");
        // Curve points arrive coalesced per pulse: wait for any step past the first.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, "#train-step").matches("step ([2-9]|\\d\\d+) of 500.*")
                || text(robot, "#training-notice").startsWith("Training failed"));
        assertFalse(text(robot, "#training-notice").startsWith("Training failed"), text(robot, "#training-notice"));
        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#training-notice").startsWith("DPO training started"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !disabled(robot, "#train-use")
                || text(robot, "#training-notice").startsWith("Training failed"));
        String notice = text(robot, "#training-notice");
        assertTrue(notice.startsWith("DPO: ") && notice.contains(" of 500 steps on 1 pairs (stopped)"), notice);
        int curvePoints = fx(() -> robot.lookup("#loss-chart").<javafx.scene.chart.LineChart<Number, Number>>query()
                .getData().get(0).getData().size());
        assertTrue(curvePoints >= 2 && curvePoints < 500, "curve points " + curvePoints);

        Path trained;
        try (Stream<Path> dirs = Files.list(home.modelsDir().resolve("workbench"))) {
            trained = dirs.filter(p -> p.getFileName().toString().startsWith("dpo-")).findFirst().orElseThrow();
        }
        Lineage lineage = new ModelDirectory(trained).readLineage();
        assertEquals("dpo", lineage.stage());
        assertEquals(curvePoints, lineage.steps());

        robot.clickOn("#train-use");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.CHAT, fx(() -> workbench.shell().section().get()));
        AssistantConfig chosen = fx(() -> robot.lookup("#config-choice").<ComboBox<AssistantConfig>>query().getValue());
        assertEquals(trained.getFileName().toString(), chosen.name());
        assertEquals(trained.getFileName().toString(), chosen.model());
        robot.clickOn("#question").write("golf gloves?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".inspect").tryQuery().isPresent()));
        robot.clickOn(".inspect");
        WaitForAsyncUtils.waitForFxEvents();
        String modelId = "aisle-" + trained.getFileName();
        assertTrue(fx(() -> robot.lookup(".section-table").queryAllAs(TableView.class).stream()
                .anyMatch(t -> t.getItems().stream().anyMatch(row -> row.toString().contains(modelId)))),
                "the answer's trace names the trained model " + modelId);

        workbench.close(); // releases the feedback store so the registry can be read here
        try (FeedbackStore store = FeedbackStore.openEmbedded(home)) {
            List<ModelEntry> models = store.models().all();
            assertEquals(2, models.size(), models.toString());
            ModelEntry dpo = models.get(1);
            assertEquals("dpo", dpo.stage());
            assertEquals(trained.toAbsolutePath().normalize().toString(), dpo.directory());
            assertEquals(models.get(0).id(), dpo.parentId().orElseThrow());
            assertEquals(engine.modelDir().toAbsolutePath().normalize().toString(), models.get(0).directory());
            assertTrue(dpo.feedbackSnapshot().matches("r\\d+-p1"), dpo.feedbackSnapshot());
        }
    }
}
