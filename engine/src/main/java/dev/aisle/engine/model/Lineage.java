package dev.aisle.engine.model;

import java.util.Map;

/**
 * Where a model came from ({@code aisle.json}): what it was trained on and from what.
 *
 * @param corpusHash       hash of the corpus the stage read ("" when not applicable)
 * @param stage            "random", "tokenizer", "pretrain", "sft", "dpo", "kto", "imported"
 * @param steps            optimizer steps of this stage
 * @param parentModel      the model directory (or name) this one continued from, "" for none
 * @param feedbackSnapshot feedback store snapshot id used by preference training, "" for none
 * @param createdAt        ISO-8601 instant
 * @param extra            stage-specific figures (tokens seen, final loss, …)
 */
public record Lineage(String corpusHash, String stage, long steps, String parentModel, String feedbackSnapshot,
                      String createdAt, Map<String, Object> extra) {

    public Lineage {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Lineage of(String stage, String corpusHash, long steps, String parentModel) {
        return new Lineage(corpusHash, stage, steps, parentModel, "", java.time.Instant.now().toString(), Map.of());
    }
}
