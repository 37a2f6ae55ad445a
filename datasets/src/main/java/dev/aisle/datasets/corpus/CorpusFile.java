package dev.aisle.datasets.corpus;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.List;
import java.util.function.Function;

/** The gzip JSONL files of a corpus directory, in the order they are written and hashed. */
public enum CorpusFile {
    PRODUCTS("products.jsonl.gz", Product.class, Corpus::products),
    REVIEWS("reviews.jsonl.gz", Review.class, Corpus::reviews),
    QA("qa.jsonl.gz", QaThread.class, Corpus::questions),
    GUIDES("guides.jsonl.gz", BuyingGuide.class, Corpus::guides),
    JUDGED_QUERIES("judged_queries.jsonl.gz", JudgedQuery.class, Corpus::judgedQueries),
    EVAL_QUESTIONS("eval_questions.jsonl.gz", EvalQuestion.class, Corpus::evalQuestions);

    private final String fileName;
    private final Class<?> type;
    private final Function<Corpus, List<?>> records;

    CorpusFile(String fileName, Class<?> type, Function<Corpus, List<?>> records) {
        this.fileName = fileName;
        this.type = type;
        this.records = records;
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
