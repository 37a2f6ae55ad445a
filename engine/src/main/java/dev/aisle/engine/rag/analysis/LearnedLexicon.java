package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        CategoryPhraseLearner.Learned categories = CategoryPhraseLearner.learnWithSupport(queries, products);
        return withWishes(queries, products, categories.categories(), categories.support());
    }

    private static CatalogueLexicon withWishes(List<JudgedQuery> queries, List<Product> products,
                                               Map<String, String> categories, Map<String, Integer> support) {
        // Wishes are learned with the analysis that already reads price, age, brands and catalogue words.
        CatalogueLexicon lexicon = new CatalogueLexicon(products, categories, support, WishPhrases.none());
        lexicon.attachWishPhrases(WishPhraseLearner.learn(queries, products, new QuestionAnalyzer(lexicon)));
        return lexicon;
    }

    /**
     * As {@link #learn}, but read from {@code file} when it holds what this build learned from this corpus
     * ({@code corpusHash}), and written there otherwise. A file that cannot be written costs only the next
     * start's learning.
     */
    public static CatalogueLexicon learnOrRead(Path file, String corpusHash, List<JudgedQuery> queries,
                                               List<Product> products, PrintStream log) {
        Optional<LearnedPhrasesFile> stored = LearnedPhrasesFile.read(file, corpusHash, log);
        if (stored.isPresent()) {
            return new CatalogueLexicon(products, stored.get().categories(), stored.get().categorySupport(),
                    new WishPhrases(stored.get().wishes()));
        }
        CategoryPhraseLearner.Learned learned = CategoryPhraseLearner.learnWithSupport(queries, products);
        Map<String, String> categories = learned.categories();
        Map<String, Integer> support = learned.support();
        CatalogueLexicon lexicon = withWishes(queries, products, categories, support);
        try {
            new LearnedPhrasesFile(corpusHash, LearnedPhrasesFile.currentBuild(), categories, support,
                    lexicon.wishPhrases().phrases()).write(file);
        } catch (IOException e) {
            log.println("learned phrases: cannot keep them in " + file + " (" + e.getMessage() + ")");
        }
        return lexicon;
    }
}
