package dev.aisle.evaluations.run;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.List;
import java.util.Map;

/**
 * One item under one configuration: its metric values (only the defined ones) and enough of the
 * answer to show in a report.
 *
 * @param error "" when the system answered; else why it failed (the item then has no values)
 */
public record ItemResult(String itemId, String kind, String question, Map<String, Double> values, String answerText,
                         List<String> topRanked, List<EvidenceLine> evidence, String error) {

    public ItemResult {
        values = Map.copyOf(values);
        topRanked = List.copyOf(topRanked);
        evidence = List.copyOf(evidence);
    }
}
