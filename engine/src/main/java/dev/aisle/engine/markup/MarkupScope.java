package dev.aisle.engine.markup;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one answer may point at: the product ids the pipeline put in front of the model and the
 * labels of its evidence items. An element naming anything else is shown as plain text, so the
 * model can never show a product card or cite evidence that this answer did not retrieve.
 */
public record MarkupScope(Set<String> productIds, Set<String> evidenceLabels) {

    public MarkupScope {
        productIds = Set.copyOf(productIds);
        evidenceLabels = Set.copyOf(evidenceLabels);
    }

    /** The evidence labels and the products the evidence is about, plus any other candidates. */
    public static MarkupScope of(List<EvidenceLine> evidence, Collection<String> candidateProductIds) {
        Set<String> ids = new LinkedHashSet<>(candidateProductIds);
        Set<String> labels = new LinkedHashSet<>();
        for (EvidenceLine e : evidence) {
            labels.add(e.label());
            if (!e.productId().isEmpty()) {
                ids.add(e.productId());
            }
        }
        return new MarkupScope(ids, labels);
    }

    public boolean allowsProduct(String id) {
        return productIds.contains(id);
    }

    public boolean allowsEvidence(String label) {
        return evidenceLabels.contains(label);
    }
}
