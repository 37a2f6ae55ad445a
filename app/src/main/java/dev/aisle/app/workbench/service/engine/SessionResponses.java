package dev.aisle.app.workbench.service.engine;

import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * This workbench session's conversation in the feedback store: each question a turn, each answer
 * a response, stored once and found again by its trace id.
 */
final class SessionResponses {

    private final FeedbackStore store;
    private final Map<String, Long> byTrace = new HashMap<>();
    private final Map<String, Long> turns = new HashMap<>();
    private long conversation = -1;

    SessionResponses(FeedbackStore store) {
        this.store = store;
    }

    FeedbackStore store() {
        return store;
    }

    synchronized boolean known(String traceId) {
        return byTrace.containsKey(traceId);
    }

    /** The response id for {@code traceId}, storing the question and answer first if needed. */
    synchronized long response(String traceId, String question, String answer, String model, String configJson,
                               String traceJson) {
        Long known = byTrace.get(traceId);
        if (known != null) {
            return known;
        }
        if (conversation < 0) {
            conversation = store.startConversation("workbench session " + Instant.now()).id();
        }
        Long turn = turns.get(question);
        if (turn == null) {
            turn = store.addTurn(conversation, question).id();
            turns.put(question, turn);
        }
        long id = store.addResponse(new NewResponse(turn, model.isBlank() ? "unknown" : model, "workbench",
                configJson, traceJson, "", answer)).id();
        byTrace.put(traceId, id);
        return id;
    }
}
