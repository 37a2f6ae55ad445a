package dev.aisle.app.workbench.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.TrainingService;
import dev.aisle.app.workbench.support.ScriptedTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Training ViewModel without the toolkit: direct executor and dispatcher. */
class TrainingViewModelTest {

    private final List<String> errors = new ArrayList<>();
    private final List<AssistantConfig> usedInChat = new ArrayList<>();

    private TrainingViewModel vm(TrainingService service) {
        return new TrainingViewModel(service, Runnable::run, UiDispatcher.direct(), (w, m) -> errors.add(w + ": " + m),
                usedInChat::add);
    }

    @Test
    void trainingDrawsTheCurvesAndTheResultCanBeUsedInChat() {
        TrainingViewModel vm = vm(new ScriptedTraining());
        vm.refreshCounts();
        assertTrue(vm.enoughFeedback().get());
        assertEquals("DPO will train on 12 preference pairs.", vm.feedbackNote().get());
        vm.start();
        assertEquals(TrainingViewModel.State.DONE, vm.state().get());
        assertEquals(3, vm.curve().size());
        assertEquals(0.7 / 3, vm.curve().get(2).loss(), 1e-12);
        assertEquals("step 3 of 100 · loss 0.2333 · reward margin +0.300 · accuracy 1.00", vm.stepText().get());
        assertEquals("DPO: 3 steps, loss 0.23", vm.notice().get());
        vm.useInChat();
        assertEquals(List.of(ScriptedTraining.TRAINED), usedInChat);
        assertEquals("Chat now answers with dpo-1.", vm.notice().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void withoutFeedbackTheViewSaysSoAndDoesNotTrain() {
        Counting service = new Counting(new TrainingService.FeedbackCounts(0, 3, 2, 4));
        TrainingViewModel vm = vm(service);
        vm.refreshCounts();
        assertFalse(vm.enoughFeedback().get());
        assertTrue(vm.feedbackNote().get().startsWith("No feedback to train DPO on yet"), vm.feedbackNote().get());
        vm.start();
        assertEquals(0, service.trainings);
        assertEquals(TrainingViewModel.State.IDLE, vm.state().get());
        assertEquals(vm.feedbackNote().get(), vm.notice().get());

        vm.method().set(TrainingService.Method.KTO);
        assertTrue(vm.enoughFeedback().get(), "three rated answers are enough for KTO");
        assertEquals("KTO will train on 3 rated answers.", vm.feedbackNote().get());
        vm.start();
        assertEquals(1, service.trainings);
    }

    @Test
    void stopAsksTheTrainerAndTheStepsDoneBecomeTheModel() {
        TrainingViewModel[] holder = new TrainingViewModel[1];
        Counting service = new Counting(new TrainingService.FeedbackCounts(5, 0, 5, 0)) {
            @Override
            public Result train(Request request, Consumer<CurvePoint> curve) {
                trainings++;
                int step = 0;
                while (!stopped && step < request.steps()) {
                    step++;
                    curve.accept(new CurvePoint(step, 0.69, 0, 0, 0, 0.5));
                    if (step == 2) {
                        holder[0].stop();
                        assertEquals(TrainingViewModel.State.STOPPING, holder[0].state().get());
                    }
                }
                return new Result("/m", ScriptedTraining.TRAINED, "DPO: " + step + " of " + request.steps() + " steps (stopped)");
            }
        };
        holder[0] = vm(service);
        holder[0].refreshCounts();
        holder[0].start();
        assertEquals(TrainingViewModel.State.DONE, holder[0].state().get());
        assertEquals(2, holder[0].curve().size());
        assertEquals("DPO: 2 of 100 steps (stopped)", holder[0].notice().get());
    }

    @Test
    void aFailedTrainingIsShownAndReported() {
        TrainingViewModel vm = vm(new Counting(new TrainingService.FeedbackCounts(5, 0, 5, 0)) {
            @Override
            public Result train(Request request, Consumer<CurvePoint> curve) {
                throw new IllegalStateException("only 0 DPO pairs fit in 1024 tokens");
            }
        });
        vm.refreshCounts();
        vm.start();
        assertEquals(TrainingViewModel.State.IDLE, vm.state().get());
        assertEquals("Training failed: only 0 DPO pairs fit in 1024 tokens", vm.notice().get());
        assertEquals(List.of("DPO training: only 0 DPO pairs fit in 1024 tokens"), errors);
        assertNull(vm.result().get());
    }

    @Test
    void badSettingsAreNamed() {
        TrainingViewModel vm = vm(new ScriptedTraining());
        vm.refreshCounts();
        vm.beta().set(0);
        vm.start();
        assertEquals("β must be > 0, got 0.0", vm.notice().get());
        assertEquals(TrainingViewModel.State.IDLE, vm.state().get());
    }

    /** Fixed counts; counts trainings; stop raises the flag a test's train reads. */
    private static class Counting implements TrainingService {
        final FeedbackCounts counts;
        volatile boolean stopped;
        int trainings;

        Counting(FeedbackCounts counts) {
            this.counts = counts;
        }

        @Override
        public FeedbackCounts feedbackCounts() {
            return counts;
        }

        @Override
        public Result train(Request request, Consumer<CurvePoint> curve) {
            trainings++;
            return new Result("/m", ScriptedTraining.TRAINED, "done");
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public List<AssistantConfig> registered() {
            return List.of();
        }
    }
}
