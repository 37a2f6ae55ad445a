package dev.aisle.engine.feedback;

import java.time.Instant;

/** A conversation with the assistant; its questions are {@link Turn}s. */
public record Conversation(long id, String title, Instant createdAt) {
}
