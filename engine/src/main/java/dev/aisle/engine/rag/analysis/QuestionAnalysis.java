package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.judgments.Intent;

import java.util.List;

/**
 * The typed reading of one question.
 *
 * @param searchText           the question with typos corrected, lower case: what keyword search uses
 * @param referencedProductIds every product the question is about: named ones first, then those
 *                             resolved from earlier turns ("the second one", "its")
 * @param followUp             whether something was resolved against the conversation
 * @param corrections          "trial→trail" for each corrected word, for the trace
 * @param wishes               attribute wishes read from phrases learned from judged training queries
 *                             ("can handle a downpour" → waterproof yes); retrieval ranks products meeting them first
 */
public record QuestionAnalysis(String question, String searchText, Intent intent, Constraints constraints,
                               List<String> referencedProductIds, boolean followUp, List<String> corrections,
                               List<AttributeWish> wishes) {
    public QuestionAnalysis {
        referencedProductIds = List.copyOf(referencedProductIds);
        corrections = List.copyOf(corrections);
        wishes = List.copyOf(wishes);
    }

    /** Without learned wishes. */
    public QuestionAnalysis(String question, String searchText, Intent intent, Constraints constraints,
                            List<String> referencedProductIds, boolean followUp, List<String> corrections) {
        this(question, searchText, intent, constraints, referencedProductIds, followUp, corrections, List.of());
    }
}
