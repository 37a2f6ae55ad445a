package dev.aisle.engine.feedback;

import java.time.Instant;
import java.util.OptionalLong;

/** A stored pairwise label. */
public record Preference(long id, long responseA, long responseB, Verdict verdict, String annotator, String comment,
                         OptionalLong taskId, Instant createdAt) {
}
