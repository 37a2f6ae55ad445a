package dev.aisle.app.workbench.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.app.workbench.support.ScriptedEvaluations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Evaluations ViewModel without the toolkit: direct executor and dispatcher. */
class EvaluationsViewModelTest {

    private static final AssistantConfig GREEDY = new AssistantConfig("greedy", "m", "cpu", 0, 1, 64, 8, "hybrid");
    private static final AssistantConfig SAMPLED = new AssistantConfig("sampled", "m", "cpu", 0.7, 0.9, 64, 8, "hybrid");
    private static final AssistantConfig SHORT = new AssistantConfig("short", "m", "cpu", 0, 1, 16, 8, "hybrid");

    private final List<String> errors = new ArrayList<>();
    private final Inspection inspection = new Inspection();

    private EvaluationsViewModel vm(EvaluationService service) {
        return new EvaluationsViewModel(service, List.of(GREEDY, SAMPLED, SHORT), Runnable::run, UiDispatcher.direct(),
                (w, m) -> errors.add(w + ": " + m), inspection);
    }

    @Test
    void runShowsSummariesItemsAndFiltersFailures() {
        EvaluationsViewModel vm = vm(new ScriptedEvaluations());
        assertEquals("smoke", vm.suite().get(), "the first suite is preselected");
        vm.chosen().add(SAMPLED);
        vm.run();
        assertEquals(EvaluationsViewModel.State.DONE, vm.state().get());
        assertEquals(2, vm.summaries().size());
        assertEquals(4, vm.items().size());
        assertEquals(1.0, vm.progress().get());
        assertEquals("Done: 4 results · report in /tmp/runs/scripted", vm.progressText().get());
        assertEquals("", vm.current().get());
        vm.failedOnly().set(true);
        assertEquals(2, vm.items().size());
        assertTrue(vm.items().stream().noneMatch(EvaluationService.ItemResult::passed));
        vm.failedOnly().set(false);
        assertEquals(4, vm.items().size());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anItemOpensItsTraceInTheInspector() {
        EvaluationsViewModel vm = vm(new ScriptedEvaluations());
        vm.run();
        EvaluationService.ItemResult failed = vm.items().get(1);
        assertTrue(vm.drill(failed));
        assertSame(failed.trace(), inspection.trace().get());
    }

    @Test
    void anItemWithoutAnAnswerSaysWhyItCannotBeInspected() {
        EvaluationsViewModel vm = vm(new ScriptedEvaluations());
        EvaluationService.ItemResult errored = new EvaluationService.ItemResult("adv-empty", "greedy", "", false, 0,
                "error: the question is empty", null);
        assertFalse(vm.drill(errored));
        assertNull(inspection.trace().get());
        assertEquals("Item adv-empty has no answer to inspect: error: the question is empty", vm.progressText().get());
    }

    @Test
    void moreThanTwoConfigurationsIsRefusedBeforeRunning() {
        ScriptedEvaluations service = new ScriptedEvaluations();
        EvaluationsViewModel vm = vm(service);
        vm.chosen().setAll(GREEDY, SAMPLED, SHORT);
        vm.run();
        assertEquals(EvaluationsViewModel.State.IDLE, vm.state().get());
        assertEquals("pick one configuration, or two to compare them; got 3.", vm.progressText().get());
        vm.limit().set(-1);
        vm.chosen().setAll(GREEDY);
        vm.run();
        assertEquals("item limit must be >= 0 (0 = all), got -1.", vm.progressText().get());
    }

    @Test
    void progressFollowsEveryItem() {
        List<String> seen = new ArrayList<>();
        EvaluationsViewModel[] holder = new EvaluationsViewModel[1];
        EvaluationService service = new Stoppable() {
            @Override
            public Report run(Request request, Consumer<Progress> progress) {
                for (int i = 1; i <= 3; i++) {
                    progress.accept(new Progress(i, 3, "greedy: q" + i));
                    seen.add(holder[0].progressText().get() + " | " + holder[0].current().get());
                }
                return report(request, 3, false);
            }
        };
        holder[0] = vm(service);
        holder[0].run();
        assertEquals(List.of("1 of 3 items | greedy: q1", "2 of 3 items | greedy: q2", "3 of 3 items | greedy: q3"), seen);
    }

    @Test
    void stopEndsTheRunAndKeepsTheItemsDone() {
        EvaluationsViewModel[] holder = new EvaluationsViewModel[1];
        Stoppable service = new Stoppable() {
            @Override
            public Report run(Request request, Consumer<Progress> progress) {
                int done = 0;
                while (!cancelled && done < 10) {
                    progress.accept(new Progress(++done, 10, "greedy: q" + done));
                    if (done == 2) {
                        holder[0].stop(); // the user presses Stop while the third item runs
                        assertEquals(EvaluationsViewModel.State.STOPPING, holder[0].state().get());
                        assertEquals("Stopping …", holder[0].progressText().get());
                    }
                }
                return report(request, done, cancelled);
            }
        };
        holder[0] = vm(service);
        holder[0].run();
        EvaluationsViewModel vm = holder[0];
        assertEquals(EvaluationsViewModel.State.DONE, vm.state().get());
        assertEquals(2, vm.items().size());
        assertEquals("Stopped after 2 items · report in /tmp/run", vm.progressText().get());
        assertEquals(0.2, vm.progress().get(), 1e-9);
    }

    @Test
    void aFailedRunIsReportedAndTheViewCanRunAgain() {
        EvaluationsViewModel vm = vm(new Stoppable() {
            @Override
            public Report run(Request request, Consumer<Progress> progress) {
                throw new IllegalArgumentException("answer suites need the assistant pipeline with a model");
            }
        });
        vm.run();
        assertEquals(EvaluationsViewModel.State.IDLE, vm.state().get());
        assertEquals("Failed: answer suites need the assistant pipeline with a model", vm.progressText().get());
        assertEquals(List.of("Running smoke: answer suites need the assistant pipeline with a model"), errors);
    }

    @Test
    void twoConfigurationsShowTheirComparison() {
        EvaluationsViewModel vm = vm(new Stoppable() {
            @Override
            public Report run(Request request, Consumer<Progress> progress) {
                Report r = report(request, 1, false);
                return new Report(r.suite(), r.summaries(), r.items(),
                        List.of(new Difference("groundedness", 0.25, 0.05, 0.4, "B better", 12)), false, r.location());
            }
        });
        vm.chosen().add(SAMPLED);
        vm.run();
        assertEquals(List.of(new EvaluationService.Difference("groundedness", 0.25, 0.05, 0.4, "B better", 12)),
                List.copyOf(vm.comparison()));
    }

    /** A service whose run the test writes; cancel raises the flag the run reads. */
    private abstract static class Stoppable implements EvaluationService {
        volatile boolean cancelled;

        @Override
        public List<String> suites() {
            return List.of("smoke");
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        Report report(Request request, int items, boolean stopped) {
            List<ItemResult> results = new ArrayList<>();
            for (int i = 1; i <= items; i++) {
                results.add(new ItemResult("q" + i, "greedy", "q" + i, true, 1, "", null));
            }
            return new Report(request.suite(), List.of(new ConfigSummary("greedy", items, items, 0, 1, Map.of())),
                    results, List.of(), stopped, "/tmp/run");
        }
    }
}
