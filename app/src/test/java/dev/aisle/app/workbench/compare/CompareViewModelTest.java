package dev.aisle.app.workbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.FeedbackSink.Verdict;
import dev.aisle.app.workbench.support.RecordingFeedback;
import dev.aisle.app.workbench.support.ScriptedAnswers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {

    private final ScriptedAnswers answers = new ScriptedAnswers();
    private final RecordingFeedback feedback = new RecordingFeedback();
    private final List<String> errors = new ArrayList<>();
    private final CompareViewModel vm = new CompareViewModel(answers, feedback, Runnable::run, UiDispatcher.direct(),
            (w, m) -> errors.add(w + ": " + m), new Inspection());

    @Test
    void oneQuestionGoesToBothConfigurationsAndTheVerdictIsStored() {
        vm.question().set("Trail shoes or running shoes?");
        vm.ask();
        assertEquals(List.of("Trail shoes or running shoes? @base", "Trail shoes or running shoes? @sft"), answers.asked);
        assertEquals(CompareViewModel.State.JUDGING, vm.state().get());

        vm.judge(Verdict.B_BETTER);
        assertEquals(CompareViewModel.State.JUDGED, vm.state().get());
        assertEquals(1, feedback.preferences.size());
        var p = feedback.preferences.get(0);
        assertEquals(Verdict.B_BETTER, p.verdict());
        assertEquals("base", p.configA());
        assertEquals("sft", p.configB());
        assertEquals("t1", p.traceA());
        assertEquals("t2", p.traceB());
        assertEquals(1, vm.judgedCount().get());
    }

    @Test
    void noVerdictWhileAnswersStream() {
        answers.holdUntilReleased();
        vm.question().set("q");
        vm.ask();
        assertEquals(CompareViewModel.State.ANSWERING, vm.state().get());
        vm.judge(Verdict.A_BETTER);
        assertTrue(feedback.preferences.isEmpty());
        assertEquals("Wait until both answers are complete.", vm.notice().get());
        answers.release();
        assertEquals(CompareViewModel.State.JUDGING, vm.state().get());
    }

    @Test
    void swapExchangesTheConfigurations() {
        vm.swap();
        assertEquals("sft", vm.configA().get().name());
        assertEquals("base", vm.configB().get().name());
    }

    @Test
    void failedWriteIsReported() {
        vm.question().set("q");
        vm.ask();
        feedback.failWith = "disk full";
        vm.judge(Verdict.TIE);
        assertEquals(List.of("Saving the preference: disk full"), errors);
        assertEquals(CompareViewModel.State.JUDGING, vm.state().get());
    }
}
