package dev.aisle.engine.train.data;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.prompt.PromptLayout;

import java.util.List;

/**
 * One grounded chat example: the question, the evidence as retrieval would present it, and an
 * answer in the markup of DESIGN.md that only refers to products and labels in that evidence.
 *
 * @param sourceId the TRAIN evaluation question it came from, or "synthetic:…"
 */
public record SftExample(String sourceId, Intent intent, String question, List<EvidenceLine> evidence, String answer) {

    public SftExample {
        evidence = List.copyOf(evidence);
    }

    /** The prompt the model sees, ending with the assistant token. */
    public String prompt() {
        return PromptLayout.render(PromptLayout.DEFAULT_SYSTEM, evidence, List.of(), question);
    }
}
