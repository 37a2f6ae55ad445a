package dev.aisle.engine.feedback;

/** How much the store holds. */
public record FeedbackCounts(long conversations, long turns, long responses, long ratings, long preferences,
                             long tasks, long models) {
}
