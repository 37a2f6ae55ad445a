package dev.aisle.engine.rag.pack;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.List;

/**
 * What entered the prompt, for the prompt builder and the trace.
 *
 * @param items             in label order E1…En
 * @param tokenCount        tokens of all rendered lines together
 * @param duplicatesDropped candidates dropped as exact or near duplicates
 * @param leftOut           candidates not taken for lack of budget or item slots
 */
public record PackedEvidence(List<Item> items, int tokenCount, int tokenBudget, int candidates,
                             int duplicatesDropped, int leftOut) {

    public PackedEvidence {
        items = List.copyOf(items);
    }

    /** One packed item: the label, provenance and the neutralised (maybe shortened) text that was sent. */
    public record Item(String label, EvidenceCandidate candidate, String text, int tokens,
                       double mmrScore, boolean truncated) {
        public EvidenceLine line() {
            return new EvidenceLine(label, candidate.source(), candidate.productId(), text);
        }
    }

    public List<EvidenceLine> lines() {
        return items.stream().map(Item::line).toList();
    }
}
