package dev.aisle.engine.assistant;

import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.rag.analysis.ConversationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The turns of one chat so far. A follow-up ("is the second one lighter?") is resolved against
 * what earlier turns showed, and earlier exchanges go into the prompt.
 */
public final class Conversation {

    /** One finished exchange and what retrieval knew about it. */
    public record Turn(String question, String answer, ConversationContext.PriorTurn retrieval) {
    }

    /** Earlier exchanges kept in the prompt; older ones still count for follow-up resolution. */
    private static final int PROMPT_TURNS = 2;

    private final List<Turn> turns = new ArrayList<>();

    public synchronized void add(Turn turn) {
        turns.add(turn);
    }

    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    public synchronized ConversationContext context() {
        return new ConversationContext(turns.stream().map(Turn::retrieval).toList());
    }

    public synchronized List<PromptLayout.Turn> promptHistory() {
        return turns.subList(Math.max(0, turns.size() - PROMPT_TURNS), turns.size()).stream()
                .map(t -> new PromptLayout.Turn(t.question(), t.answer())).toList();
    }
}
