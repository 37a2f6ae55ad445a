package dev.aisle.engine.feedback;

import java.time.Instant;

/** One shopper question within a conversation; {@code index} counts from 0. */
public record Turn(long id, long conversationId, int index, String question, Instant createdAt) {
}
