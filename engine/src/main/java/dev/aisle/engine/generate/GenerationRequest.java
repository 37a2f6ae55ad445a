package dev.aisle.engine.generate;

import dev.aisle.engine.serving.sampling.SamplingParams;

import java.util.List;

/**
 * What to generate.
 *
 * @param promptIds    the prompt, already encoded (see {@code ShopTokenizer.encodePrompt})
 * @param sampling     greedy or sampled
 * @param maxNewTokens answer budget
 * @param stopStrings  text that ends the answer (not included in it)
 * @param constraint   per-request constraint (a fresh {@link MarkupConstraint} or {@link DecodingConstraint#NONE})
 */
public record GenerationRequest(int[] promptIds, SamplingParams sampling, int maxNewTokens, List<String> stopStrings,
                                DecodingConstraint constraint) {

    public GenerationRequest {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt must have at least one token");
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        stopStrings = List.copyOf(stopStrings);
    }

    public static GenerationRequest greedy(int[] promptIds, int maxNewTokens) {
        return new GenerationRequest(promptIds, SamplingParams.GREEDY, maxNewTokens, List.of(), DecodingConstraint.NONE);
    }
}
