package dev.aisle.app.workbench.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.Hydration;
import dev.aisle.app.workbench.support.RecordingFeedback;
import dev.aisle.app.workbench.support.ScriptedAnswers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {

    private final ScriptedAnswers answers = new ScriptedAnswers();
    private final RecordingFeedback feedback = new RecordingFeedback();
    private final List<String> errors = new ArrayList<>();
    private final Inspection inspection = new Inspection();
    private final ChatViewModel vm = new ChatViewModel(answers, feedback, Runnable::run, UiDispatcher.direct(),
            (where, msg) -> errors.add(where + ": " + msg), inspection);

    @Test
    void askStreamsTextAndElementsAndHydration() {
        vm.question().set("What do I need for cold-weather golf?");
        vm.ask();

        AnswerViewModel answer = vm.turns().get(0);
        assertEquals(AnswerViewModel.State.DONE, answer.state().get());
        assertEquals(ChatViewModel.State.IDLE, vm.state().get());
        assertEquals("", vm.question().get(), "the field is cleared after asking");
        // Model text stays text, including what looks like markup.
        assertTrue(answer.text().get().contains("these <b>gloves</b>"));
        assertTrue(answer.pieces().stream().anyMatch(p -> p instanceof AnswerPiece.Element e
                && e.element() instanceof AnswerEvent.Product)); 
        assertInstanceOf(Hydration.Card.class, answer.hydrations().get(0));
        assertEquals(1, answer.tokens().get(), "at the end the trace's token count wins over the streamed count");
        assertEquals("t1", inspection.trace().get().id(), "a finished answer is shown in the inspector");
    }

    @Test
    void secondQuestionCarriesTheConversation() {
        vm.question().set("golf?");
        vm.ask();
        vm.config().set(ScriptedAnswers.SFT);
        vm.question().set("and for rain?");
        vm.ask();
        assertEquals(List.of("golf? @base", "and for rain? @sft"), answers.asked);
        assertEquals(1, answers.histories.get(1).size());
        assertEquals("golf?", answers.histories.get(1).get(0).question());
    }

    @Test
    void blankQuestionIsNotAsked() {
        vm.question().set("   ");
        vm.ask();
        assertTrue(answers.asked.isEmpty());
        assertFalse(vm.canAsk().get());
    }

    @Test
    void stopEndsTheRunningAnswer() {
        answers.holdUntilReleased();
        vm.question().set("golf?");
        vm.ask();
        AnswerViewModel answer = vm.turns().get(0);
        assertEquals(AnswerViewModel.State.STREAMING, answer.state().get());
        assertEquals(ChatViewModel.State.ANSWERING, vm.state().get());
        vm.question().set("another");
        vm.ask();
        assertEquals(1, answers.asked.size(), "no second question while one streams");

        vm.stop();
        assertEquals(1, answers.stops.get());
        assertEquals(AnswerViewModel.State.STOPPED, answer.state().get());
        assertEquals(ChatViewModel.State.IDLE, vm.state().get());
    }

    @Test
    void regenerateReplacesTheLastAnswer() {
        vm.question().set("golf?");
        vm.ask();
        AnswerViewModel first = vm.turns().get(0);
        vm.regenerate();
        assertEquals(1, vm.turns().size());
        assertTrue(first != vm.turns().get(0));
        assertEquals(List.of("golf? @base", "golf? @base"), answers.asked);
    }

    @Test
    void ratingGoesToTheFeedbackStoreWithReasons() {
        vm.question().set("golf?");
        vm.ask();
        AnswerViewModel answer = vm.turns().get(0);
        answer.reasons().add("wrong product");
        vm.rate(answer, false);
        assertEquals(1, feedback.ratings.size());
        assertFalse(feedback.ratings.get(0).up());
        assertEquals(java.util.Set.of("wrong product"), feedback.ratings.get(0).reasons());
        assertEquals("t1", feedback.ratings.get(0).traceId());
        assertEquals(AnswerViewModel.Thumb.DOWN, answer.thumb().get());
    }

    @Test
    void failedFeedbackWriteIsReportedAndUndone() {
        vm.question().set("golf?");
        vm.ask();
        feedback.failWith = "database is locked";
        vm.rate(vm.turns().get(0), true);
        assertEquals(List.of("Saving feedback: database is locked"), errors);
        assertEquals(AnswerViewModel.Thumb.NONE, vm.turns().get(0).thumb().get());
    }

    @Test
    void failedAnswerIsShownAndReported() {
        answers.failWith("model directory missing: /tmp/x/config.json");
        vm.question().set("golf?");
        vm.ask();
        AnswerViewModel answer = vm.turns().get(0);
        assertEquals(AnswerViewModel.State.FAILED, answer.state().get());
        assertEquals("model directory missing: /tmp/x/config.json", answer.error().get());
        assertEquals(List.of("Answering: model directory missing: /tmp/x/config.json"), errors);
        assertEquals(ChatViewModel.State.IDLE, vm.state().get());
    }

    @Test
    void tokensArrivingBetweenUpdatesAreCoalescedIntoOneRun() {
        List<Runnable> pending = new ArrayList<>();
        AnswerViewModel answer = new AnswerViewModel("q", ScriptedAnswers.BASE, pending::add);
        for (int i = 0; i < 50; i++) {
            answer.accept(new AnswerEvent.Token(i, i));
            answer.accept(new AnswerEvent.Text("w" + i + " "));
        }
        assertEquals(1, pending.size(), "one UI update scheduled for 100 events");
        pending.remove(0).run();
        assertEquals(1, answer.pieces().size());
        assertEquals(50, answer.tokens().get());
        assertTrue(answer.text().get().startsWith("w0 w1 w2"));
    }
}
