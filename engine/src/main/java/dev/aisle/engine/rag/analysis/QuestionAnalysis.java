package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.judgments.Intent;

import java.util.List;
import java.util.Map;

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
 * @param shopperCategories    the categories among {@code constraints().categories()} that were read from phrases learned
 *                             from judged training queries ("head torch", "stand bag") rather than from the catalogue's
 *                             own names, each with the number of training queries its phrase was seen in: a phrase
 *                             learned from two queries can name the wrong shelf, so retrieval may let a second opinion
 *                             overrule it ({@code retrieve.ShelfVote})
 */
public record QuestionAnalysis(String question, String searchText, Intent intent, Constraints constraints,
                               List<String> referencedProductIds, boolean followUp, List<String> corrections,
                               List<AttributeWish> wishes, Map<String, Integer> shopperCategories) {
    public QuestionAnalysis {
        referencedProductIds = List.copyOf(referencedProductIds);
        corrections = List.copyOf(corrections);
        wishes = List.copyOf(wishes);
        shopperCategories = Map.copyOf(shopperCategories);
        for (String c : shopperCategories.keySet()) {
            if (!constraints.categories().contains(c)) {
                throw new IllegalArgumentException("shopper category '" + c + "' is not among the question's categories "
                        + constraints.categories());
            }
        }
    }

    /**
     * The same reading about other categories (all of them the caller's decision, none from shopper phrases),
     * with the wishes as read for them.
     */
    public QuestionAnalysis withCategories(List<String> categories, List<AttributeWish> wishesForThem) {
        return new QuestionAnalysis(question, searchText, intent, constraints.withCategories(categories), referencedProductIds,
                followUp, corrections, wishesForThem, Map.of());
    }

    /** Without learned wishes or shopper categories. */
    public QuestionAnalysis(String question, String searchText, Intent intent, Constraints constraints,
                            List<String> referencedProductIds, boolean followUp, List<String> corrections) {
        this(question, searchText, intent, constraints, referencedProductIds, followUp, corrections, List.of(), Map.of());
    }
}
