package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Answers shoppers' questions. {@link #ask} returns at once; events arrive on engine threads, in
 * order, ending with exactly one {@link AnswerEvent.Finished} or {@link AnswerEvent.Failed}.
 */
public interface AnswerService {

    /** The configurations the user can pick; the first is the default. */
    List<AssistantConfig> configurations();

    /**
     * Starts answering {@code question} after the given earlier turns of the conversation.
     *
     * @return a handle to stop generation early (the stream then finishes with reason "stopped")
     */
    AnswerHandle ask(List<Turn> history, String question, AssistantConfig config, Consumer<AnswerEvent> events);

    /**
     * Called once when the window is ready and may take its time (not on the FX thread): whatever
     * makes the first question as quick as the later ones.
     *
     * @return done when the warm-up is over
     */
    default CompletionStage<?> warmUp() {
        return CompletableFuture.completedFuture(null);
    }

    /** One earlier exchange of a conversation. */
    record Turn(String question, String answer) {
    }

    /** A running answer. */
    interface AnswerHandle {
        void stop();
    }
}
