package dev.aisle.engine.feedback.exchange;

/**
 * What an export or import did.
 *
 * @param examples lines written or read
 * @param skipped  export: pairs or responses left out (tie, both bad, split vote, deleted response)
 * @param snapshot the store's feedback snapshot after the operation, for a model's lineage
 */
public record ExchangeSummary(String format, int examples, int skipped, String snapshot) {
}
