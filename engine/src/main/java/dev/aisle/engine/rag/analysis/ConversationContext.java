package dev.aisle.engine.rag.analysis;

import java.util.List;

/**
 * Earlier turns of the same conversation, oldest first, as the pipeline saw them: which products
 * each answer showed (in the order shown, so "the second one" means something) and which evidence
 * documents it used.
 */
public record ConversationContext(List<PriorTurn> turns) {

    public ConversationContext {
        turns = List.copyOf(turns);
    }

    public static ConversationContext empty() {
        return new ConversationContext(List.of());
    }

    /** A new context with one more turn at the end. */
    public ConversationContext then(PriorTurn turn) {
        List<PriorTurn> next = new java.util.ArrayList<>(turns);
        next.add(turn);
        return new ConversationContext(next);
    }

    /** The products of the most recent turn that showed any, in order; empty when none did. */
    public List<String> lastProducts() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).productIds().isEmpty()) {
                return turns.get(i).productIds();
            }
        }
        return List.of();
    }

    /** The categories of the most recent turn that had any. */
    public List<String> lastCategories() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).categories().isEmpty()) {
                return turns.get(i).categories();
            }
        }
        return List.of();
    }

    /**
     * One earlier exchange.
     *
     * @param productIds     products the answer showed, in display order
     * @param evidenceDocIds documents that were packed as evidence for it
     * @param categories     the categories the question was about
     */
    public record PriorTurn(String question, String answer, List<String> productIds, List<String> evidenceDocIds,
                            List<String> categories) {
        public PriorTurn {
            productIds = List.copyOf(productIds);
            evidenceDocIds = List.copyOf(evidenceDocIds);
            categories = List.copyOf(categories);
        }
    }
}
