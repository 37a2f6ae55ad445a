package dev.aisle.engine.feedback;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A model in the registry.
 *
 * @param stage            "pretrain", "sft", "dpo", "kto", "imported" …
 * @param parentId         the model it was trained from
 * @param feedbackSnapshot the {@link FeedbackSnapshot#id()} it was trained on, "" if none
 * @param metadataJson     anything else from its aisle.json
 */
public record ModelEntry(long id, String name, String version, String stage, OptionalLong parentId, String directory,
                         String corpusHash, String feedbackSnapshot, String metadataJson, Instant createdAt) {
}
