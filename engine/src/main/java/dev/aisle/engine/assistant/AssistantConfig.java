package dev.aisle.engine.assistant;

import dev.aisle.engine.serving.sampling.SamplingParams;

/**
 * One configuration of the assistant — what a scientist compares side by side and what the
 * feedback store records with every response.
 *
 * @param name                shown in the workbench and in reports ("default", "A", "B", …)
 * @param model               model directory path, or "default" for the shipped model
 * @param sampling            how tokens are picked
 * @param maxNewTokens        answer length limit in tokens
 * @param evidenceTokenBudget tokens the packed evidence may use in the prompt
 * @param retrievalDepth      hits per ranked list before fusion and packing
 * @param constrainedMarkup   whether markup is constrained to well-formed elements and known ids
 * @param groundedPrices      whether an amount after "$" is constrained to the evidence's prices and the question's numbers
 */
public record AssistantConfig(String name, String model, SamplingParams sampling, int maxNewTokens,
                              int evidenceTokenBudget, int retrievalDepth, boolean constrainedMarkup,
                              boolean groundedPrices) {

    public static final String DEFAULT_MODEL = "default";

    public AssistantConfig {
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        if (evidenceTokenBudget <= 0) {
            throw new IllegalArgumentException("evidenceTokenBudget must be > 0, got " + evidenceTokenBudget);
        }
        if (retrievalDepth <= 0) {
            throw new IllegalArgumentException("retrievalDepth must be > 0, got " + retrievalDepth);
        }
    }

    public static AssistantConfig defaults() {
        return new AssistantConfig("default", DEFAULT_MODEL, SamplingParams.GREEDY, 200, 480, 40, true, true);
    }

    public AssistantConfig withName(String n) {
        return new AssistantConfig(n, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup, groundedPrices);
    }

    public AssistantConfig withModel(String m) {
        return new AssistantConfig(name, m, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup, groundedPrices);
    }

    public AssistantConfig withSampling(SamplingParams s) {
        return new AssistantConfig(name, model, s, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup, groundedPrices);
    }

    public AssistantConfig withMaxNewTokens(int n) {
        return new AssistantConfig(name, model, sampling, n, evidenceTokenBudget, retrievalDepth, constrainedMarkup, groundedPrices);
    }

    public AssistantConfig withGroundedPrices(boolean on) {
        return new AssistantConfig(name, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup, on);
    }
}
