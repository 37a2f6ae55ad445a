package dev.aisle.engine.feedback;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

/** A stored thumbs-up/down label. */
public record Rating(long id, long responseId, String annotator, Thumb thumb, Set<String> reasons, String comment,
                     OptionalLong taskId, Instant createdAt) {

    public Rating {
        reasons = Set.copyOf(reasons);
    }
}
