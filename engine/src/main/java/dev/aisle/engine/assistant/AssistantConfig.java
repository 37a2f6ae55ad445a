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
 * @param groundedNumbers     whether ratings and measures with a unit are constrained to the evidence's (value, unit)
 *                            pairs and the question's
 * @param productBinding      whether a price, rating or measure in a sentence about one product (named, or shown as a
 *                            card) is constrained to that product's values (with groundedPrices / groundedNumbers)
 * @param intentLayout        whether the answer may only end once it has the element its intent needs (a comparison
 *                            its compare element, a recommendation a product card, a detail answer the product asked
 *                            about), and a recommendation's cards only show products that meet the question's limits
 */
public record AssistantConfig(String name, String model, SamplingParams sampling, int maxNewTokens,
                              int evidenceTokenBudget, int retrievalDepth, boolean constrainedMarkup,
                              boolean groundedPrices, boolean groundedNumbers, boolean productBinding,
                              boolean intentLayout) {

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
        return new AssistantConfig("default", DEFAULT_MODEL, SamplingParams.GREEDY, 200, 480, 40, true, true, true, true, true);
    }

    public AssistantConfig withName(String n) {
        return new AssistantConfig(n, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, productBinding, intentLayout);
    }

    public AssistantConfig withModel(String m) {
        return new AssistantConfig(name, m, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, productBinding, intentLayout);
    }

    public AssistantConfig withSampling(SamplingParams s) {
        return new AssistantConfig(name, model, s, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, productBinding, intentLayout);
    }

    public AssistantConfig withMaxNewTokens(int n) {
        return new AssistantConfig(name, model, sampling, n, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, productBinding, intentLayout);
    }

    public AssistantConfig withGroundedPrices(boolean on) {
        return new AssistantConfig(name, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                on, groundedNumbers, productBinding, intentLayout);
    }

    public AssistantConfig withGroundedNumbers(boolean on) {
        return new AssistantConfig(name, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, on, productBinding, intentLayout);
    }

    public AssistantConfig withProductBinding(boolean on) {
        return new AssistantConfig(name, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, on, intentLayout);
    }

    public AssistantConfig withIntentLayout(boolean on) {
        return new AssistantConfig(name, model, sampling, maxNewTokens, evidenceTokenBudget, retrievalDepth, constrainedMarkup,
                groundedPrices, groundedNumbers, productBinding, on);
    }
}
