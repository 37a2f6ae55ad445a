package dev.aisle.engine.feedback;

import java.time.Instant;
import java.util.Optional;

/** A stored answer; a deleted one keeps its labels but takes no new ones. */
public record Response(long id, long turnId, String modelName, String modelVersion, String configJson,
                       String traceJson, String prompt, String text, Instant createdAt,
                       Optional<Instant> deletedAt) {
}
