package dev.aisle.engine.model;

import java.util.List;

/**
 * The model's {@code generation_config.json}: which ids end an answer and the default sampling.
 *
 * @param eosTokenIds   ids that finish generation
 * @param padTokenId    padding id
 * @param temperature   0 means greedy
 * @param topK          0 disables
 * @param topP          1 disables
 * @param maxNewTokens  default answer budget
 */
public record GenerationDefaults(List<Integer> eosTokenIds, int padTokenId, double temperature, int topK,
                                 double topP, int maxNewTokens) {

    public GenerationDefaults {
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /** Aisle's chat models: END (id 5) ends, PAD is 0, greedy, 256 new tokens. */
    public static GenerationDefaults chat(int endId, int padId) {
        return new GenerationDefaults(List.of(endId), padId, 0.0, 0, 1.0, 256);
    }
}
