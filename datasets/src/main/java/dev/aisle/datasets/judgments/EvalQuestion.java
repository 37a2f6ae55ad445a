package dev.aisle.datasets.judgments;

import java.util.List;

/**
 * A shopper question with what a correct answer must contain.
 *
 * @param productIds products the question is about or that qualify as good recommendations
 * @param facts      reference facts for checking the answer
 */
public record EvalQuestion(String id, String question, Intent intent, Split split,
                           List<String> productIds, List<ReferenceFact> facts) {

    public EvalQuestion {
        productIds = List.copyOf(productIds);
        facts = List.copyOf(facts);
    }
}
