package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;

import java.util.List;
import java.util.Map;

/**
 * A catalogue's lexicon plus what its TRAIN judged queries teach: the shoppers' names for categories
 * ({@link CategoryPhraseLearner}) and their words for attribute wishes ({@link WishPhraseLearner}).
 * A phrase may be both: "stays tacky when it is humid" is a grip wish, and, seen only with golf gloves,
 * also a good hint at the shelf (dropping such phrases from the category names cost 0.025 recall@20 on
 * half of the TRAIN queries, learned from the other half; session 5).
 */
public final class LearnedLexicon {

    private LearnedLexicon() {
    }

    /** Only the TRAIN queries among {@code queries} are read (both learners skip the others). */
    public static CatalogueLexicon learn(List<JudgedQuery> queries, List<Product> products) {
        Map<String, String> categories = CategoryPhraseLearner.learn(queries, products);
        // Wishes are learned with the analysis that already reads price, age, brands and catalogue words.
        CatalogueLexicon lexicon = new CatalogueLexicon(products, categories);
        lexicon.attachWishPhrases(WishPhraseLearner.learn(queries, products, new QuestionAnalyzer(lexicon)));
        return lexicon;
    }
}
