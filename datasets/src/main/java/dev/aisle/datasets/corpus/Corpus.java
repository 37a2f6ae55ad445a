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
 * @param contentHash  hash of the serialized content, every file; identifies the corpus
 * @param trainingHash hash of the files training and the index read (all but the judged queries,
 *                     {@link CorpusFile#training()}); models and the index record it as lineage, so
 *                     new judged queries neither orphan a model nor force an index rebuild
 */
public record Corpus(
        List<Product> products,
        List<Review> reviews,
        List<QaThread> questions,
        List<BuyingGuide> guides,
        List<JudgedQuery> judgedQueries,
        List<EvalQuestion> evalQuestions,
        String contentHash,
        String trainingHash) {

    /**
     * A corpus whose hashes are not computed separately (tests, a merge about to be written): the
     * one hash given stands for both.
     */
    public Corpus(List<Product> products, List<Review> reviews, List<QaThread> questions, List<BuyingGuide> guides,
                  List<JudgedQuery> judgedQueries, List<EvalQuestion> evalQuestions, String contentHash) {
        this(products, reviews, questions, guides, judgedQueries, evalQuestions, contentHash, contentHash);
    }
}
