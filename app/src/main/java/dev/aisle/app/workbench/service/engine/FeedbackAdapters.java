package dev.aisle.app.workbench.service.engine;

import dev.aisle.engine.feedback.FeedbackStore;

/** The feedback sink and the annotation queue on one feedback store, sharing this session's responses. */
public record FeedbackAdapters(StoreFeedback feedback, StoreAnnotations annotations) {

    public static FeedbackAdapters on(FeedbackStore store) {
        SessionResponses responses = new SessionResponses(store);
        return new FeedbackAdapters(new StoreFeedback(responses), new StoreAnnotations(store));
    }
}
