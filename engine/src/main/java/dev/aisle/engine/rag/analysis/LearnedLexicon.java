package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue's lexicon plus what its TRAIN judged queries teach: the shoppers' names for categories
 * ({@link CategoryPhraseLearner}) and their words for attribute wishes ({@link WishPhraseLearner}).
 * A phrase that means a wish ("stand" in "dumbbells that come with a stand", "dry inside") describes a
 * feature, not a kind of product, so it is not kept as a category name even where it was seen with one
 * shelf only; nor is a single everyday word ("first", "warm"), which says nothing about the shelf.
 */
public final class LearnedLexicon {

    private LearnedLexicon() {
    }

    /** Only the TRAIN queries among {@code queries} are read (both learners skip the others). */
    public static CatalogueLexicon learn(List<JudgedQuery> queries, List<Product> products) {
        Map<String, String> categories = CategoryPhraseLearner.learn(queries, products);
        QuestionAnalyzer reader = new QuestionAnalyzer(new CatalogueLexicon(products, categories));
        WishPhrases wishes = WishPhraseLearner.learn(queries, products, reader);
        return new CatalogueLexicon(products, withoutFeatureWords(categories, wishes), wishes);
    }

    static Map<String, String> withoutFeatureWords(Map<String, String> categories, WishPhrases wishes) {
        Map<String, String> out = new HashMap<>(categories);
        out.keySet().removeIf(phrase -> wishes.means(phrase) || (!phrase.contains(" ") && Words.COMMON.contains(phrase)));
        return out;
    }
}
