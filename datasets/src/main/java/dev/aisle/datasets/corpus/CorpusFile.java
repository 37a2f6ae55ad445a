package dev.aisle.datasets.corpus;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.List;
import java.util.function.Function;

/**
 * The gzip JSONL files of a corpus directory, in the order they are written and hashed. Every file
 * but the judged queries is read by training (pretraining, SFT, preference tuning) or indexed; the
 * judged queries only judge retrieval, so they are left out of the training hash.
 */
public enum CorpusFile {
    PRODUCTS("products.jsonl.gz", Product.class, Corpus::products, true),
    REVIEWS("reviews.jsonl.gz", Review.class, Corpus::reviews, true),
    QA("qa.jsonl.gz", QaThread.class, Corpus::questions, true),
    GUIDES("guides.jsonl.gz", BuyingGuide.class, Corpus::guides, true),
    JUDGED_QUERIES("judged_queries.jsonl.gz", JudgedQuery.class, Corpus::judgedQueries, false),
    EVAL_QUESTIONS("eval_questions.jsonl.gz", EvalQuestion.class, Corpus::evalQuestions, true);

    private final String fileName;
    private final Class<?> type;
    private final Function<Corpus, List<?>> records;
    private final boolean training;

    CorpusFile(String fileName, Class<?> type, Function<Corpus, List<?>> records, boolean training) {
        this.fileName = fileName;
        this.type = type;
        this.records = records;
        this.training = training;
    }

    /** True when training stages or the index read this file, so it is part of the training hash. */
    public boolean training() {
        return training;
    }

    public String fileName() {
        return fileName;
    }

    public Class<?> type() {
        return type;
    }

    public List<?> records(Corpus corpus) {
        return records.apply(corpus);
    }

    /** The manifest's name for this file's count ("products", "judged_queries"). */
    public String countName() {
        return fileName.substring(0, fileName.indexOf('.'));
    }
}
