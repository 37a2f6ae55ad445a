package dev.aisle.evaluations.metric;

import java.util.List;

/**
 * One markup element found in an answer, as the metrics read it.
 *
 * @param name   product, compare, cite, link — or whatever unknown name was written
 * @param ids    product ids (product, compare, link to="product:…"), or the evidence label for cite
 * @param offset character offset of the tag in the answer
 * @param valid  well-formed, known, and every id / label / link target resolves
 */
public record MarkupElement(String name, List<String> ids, String target, int offset, boolean valid) {

    public MarkupElement {
        ids = List.copyOf(ids);
        target = target == null ? "" : target;
    }
}
