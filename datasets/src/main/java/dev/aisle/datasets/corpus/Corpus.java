package dev.aisle.datasets.corpus;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.List;

/**
 * Everything the assistant knows about the shop, plus evaluation material.
 *
 * @param contentHash hash of the serialized content; the index and models record it as lineage
 */
public record Corpus(
        List<Product> products,
        List<Review> reviews,
        List<QaThread> questions,
        List<BuyingGuide> guides,
        List<JudgedQuery> judgedQueries,
        List<EvalQuestion> evalQuestions,
        String contentHash) {
}
