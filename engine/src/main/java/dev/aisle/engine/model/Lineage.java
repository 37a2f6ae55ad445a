package dev.aisle.engine.model;

import java.util.Map;

/**
 * Where a model came from ({@code aisle.json}): what it was trained on and from what.
 *
 * @param corpusHash       the corpus' training hash (the files training reads: all but the judged
 *                         queries) — before session 4 the full content hash; "" when not applicable
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

    /**
     * Whether a model whose lineage names {@code trainedOn} was trained on the corpus with these hashes.
     * Models record the training hash; models written before the training hash existed record the full
     * content hash, which is accepted too. An empty {@code trainedOn} (no corpus involved) always matches.
     *
     * @param trainingHash the corpus' training hash, or null when unknown (only the content hash is compared)
     */
    public static boolean trainedOn(String trainedOn, String contentHash, String trainingHash) {
        if (trainedOn == null || trainedOn.isEmpty()) {
            return true;
        }
        return trainedOn.equals(trainingHash) || trainedOn.equals(contentHash);
    }
}
