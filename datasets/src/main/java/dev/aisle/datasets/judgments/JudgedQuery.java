package dev.aisle.datasets.judgments;

import java.util.List;

/** A search query with graded judgments of products, for retrieval evaluation. */
public record JudgedQuery(String id, String query, Split split, List<Judgment> judgments) {

    public JudgedQuery {
        judgments = List.copyOf(judgments);
    }
}
