package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.engine.rag.SmallCorpusIndex;
import dev.aisle.engine.rag.TinyCatalogue;
import dev.aisle.engine.rag.analysis.AttributeWish;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.CategoryPhraseLearner;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.analysis.WishPhrases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShelfVoteTest {

    /**
     * "toe guard" learned (wrongly, from two queries) as golf gloves, "dino" (from nine) as dinosaur toys;
     * "muddy trail running shoe" learned around the catalogue's own name.
     */
    static final CatalogueLexicon lexicon = new CatalogueLexicon(TinyCatalogue.products(),
            Map.of("toe guard", "Golf Gloves", "dino", "Dinosaur Toys", "muddy trail running shoe", "Trail Running Shoes"),
            Map.of("toe guard", 2, "dino", 9, "muddy trail running shoe", 3),
            new WishPhrases(Map.of("keep dry", new WishPhrases.Meaning("keep dry",
                    Map.of("Trail Running Shoes", AttributeWish.text("waterproof", Set.of("yes"), 1, "keep dry")),
                    "Trail Running Shoes", 2))));
    static final QuestionAnalyzer analyzer = new QuestionAnalyzer(lexicon);

    static QuestionAnalysis read(String question) {
        return analyzer.analyze(question, ConversationContext.empty());
    }

    @Test
    void theAnalysisTellsShopperPhraseCategoriesFromTheCataloguesOwnNames() {
        QuestionAnalysis guess = read("toe guard to keep dry");
        assertEquals(List.of("Golf Gloves"), guess.constraints().categories());
        assertEquals(Map.of("Golf Gloves", 2), guess.shopperCategories(), "only a learned phrase named it, seen in two queries");
        assertEquals(Map.of(), read("golf gloves").shopperCategories(), "the catalogue's own name");
        assertEquals(Map.of("Dinosaur Toys", 9), read("dino gift").shopperCategories());
        QuestionAnalysis around = read("muddy trail running shoes");
        assertEquals(List.of("Trail Running Shoes"), around.constraints().categories());
        assertEquals(Map.of(), around.shopperCategories(), "a learned phrase around a catalogue name refines it");
        assertThrows(IllegalArgumentException.class, () -> new QuestionAnalysis(guess.question(), guess.searchText(),
                guess.intent(), guess.constraints(), List.of(), false, List.of(), List.of(), Map.of("Tents", 2)),
                "a shopper category must be one of the question's categories");
    }

    @Test
    void everyLearnedCategoryPhraseKnowsHowManyTrainingQueriesItWasSeenIn() {
        SmallCorpusIndex fx = SmallCorpusIndex.get();
        CategoryPhraseLearner.Learned phrases = CategoryPhraseLearner.learnWithSupport(fx.corpus.judgedQueries(), fx.corpus.products());
        Map<String, String> learned = phrases.categories();
        Map<String, Integer> support = phrases.support();
        assertFalse(learned.isEmpty(), "the small corpus teaches some category phrases");
        assertEquals(learned.keySet(), support.keySet());
        assertTrue(support.values().stream().allMatch(n -> n >= 2), "a phrase is learned from two queries at least: " + support);
    }

    @Test
    void onlyGuessesAreOpenToTheVote() {
        ShelfVote vote = new ShelfVote(lexicon, new ShelfVote.Rule(4, 3, false, false));
        assertTrue(vote.applies(read("toe guard under $200")));
        assertFalse(vote.applies(read("golf gloves under $30")), "a shelf in the catalogue's words stands");
        assertFalse(vote.applies(read("something for the weekend")), "no category and the rule does not fill one");
        assertTrue(new ShelfVote(lexicon, new ShelfVote.Rule(4, 3, false, true)).applies(read("something for the weekend")));
        assertFalse(vote.applies(read("is the trailblazer 3 a toe guard?")), "a question about a named product");
        assertFalse(vote.applies(read("sports gear")), "an aisle in the catalogue's words, closed by this rule");
        assertTrue(new ShelfVote(lexicon, new ShelfVote.Rule(4, 3, true, false)).applies(read("sports gear")));
        ShelfVote guessesOnly = new ShelfVote(lexicon, new ShelfVote.Rule(4, 3, false, false, 2));
        assertTrue(guessesOnly.applies(read("toe guard under $200")), "a phrase seen in two queries is a guess");
        assertFalse(guessesOnly.applies(read("dino gift")), "a phrase seen in nine is the shoppers' word");
        assertTrue(vote.applies(read("dino gift")), "without a support limit every shopper phrase is open");
    }

    @Test
    void theNearestPagesOverruleAGuessOnlyWhenNoneSitsUnderItAndEnoughAgree() {
        ShelfVote vote = new ShelfVote(lexicon, new ShelfVote.Rule(4, 3, false, false));
        QuestionAnalysis guess = read("toe guard to keep dry");
        Optional<ShelfVote.Decision> d = vote.decide(guess, List.of("B0TRAIL001", "B0ROAD0001", "B0TRAIL002", "B0TRAIL003"));
        assertEquals(Optional.of(new ShelfVote.Decision("Trail Running Shoes", 3, 4, List.of("Golf Gloves"))), d);
        assertTrue(d.get().clause().contains("3 of the 4 nearest product pages are Trail Running Shoes"), d.get().clause());
        assertEquals(Optional.empty(), vote.decide(guess, List.of("B0TRAIL001", "B0ROAD0001", "B0TRAIL002", "B0DINO0001")),
                "two of four agree, three needed");
        assertEquals(Optional.empty(), vote.decide(guess, List.of("B0TRAIL001", "B0TRAIL002", "B0TRAIL003", "B0GLOVE002")),
                "one neighbour on the guessed shelf keeps it");
        assertEquals(Optional.empty(), vote.decide(guess, List.of()), "nobody voted");

        QuestionAnalysis revised = vote.revise(guess, d.get());
        assertEquals(List.of("Trail Running Shoes"), revised.constraints().categories());
        assertEquals(Map.of(), revised.shopperCategories(), "the vote decided; nothing is left to overrule");
        assertEquals(List.of("waterproof"), revised.wishes().stream().map(AttributeWish::attribute).toList(),
                "the wishes are read again for the voted shelf");
        assertThrows(IllegalArgumentException.class, () -> new ShelfVote.Rule(10, 11, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ShelfVote.Rule(0, 1, false, false));
    }

    /**
     * On the small generated corpus: a judged query whose shelf the analysis does not know, given a wrong
     * shopper-phrase category, is filtered to that wrong shelf by keyword ranking (BM25 never votes) and put
     * back on its own shelf by the dense vote.
     */
    @Test
    void inRealRetrievalTheDenseVotePutsAWronglyGuessedQueryBackOnItsShelf() {
        SmallCorpusIndex fx = SmallCorpusIndex.get();
        Map<String, Product> byId = fx.corpus.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        CatalogueLexicon plain = new CatalogueLexicon(fx.corpus.products());
        QuestionAnalyzer reader = new QuestionAnalyzer(plain);
        // The small corpus has a few products a shelf: 3 of the 5 nearest pages agreeing is a clear vote there.
        ShelfVote.Rule rule = new ShelfVote.Rule(5, 3, false, false);
        HybridRetriever voting = new HybridRetriever(fx.index, RrfFusion.standard(), 100, 0, new WishBoost(byId::get, 1),
                Optional.of(new ShelfVote(plain, rule)));
        int overruled = 0;
        int backOnOwnShelf = 0;
        int kept = 0;
        for (JudgedQuery q : fx.corpus.judgedQueries()) {
            QuestionAnalysis a = reader.analyze(q.query(), ConversationContext.empty());
            String leaf = q.judgments().stream().filter(j -> j.label() == Relevance.EXACT).map(Judgment::productId)
                    .map(id -> byId.get(id).category()).findFirst().orElse(null);
            if (leaf == null || !a.constraints().categories().isEmpty() || !a.referencedProductIds().isEmpty()) {
                continue;
            }
            String department = byId.values().stream().filter(p -> p.category().equals(leaf)).findFirst().orElseThrow()
                    .categoryPath().get(0);
            String wrong = fx.corpus.products().stream().filter(p -> !p.categoryPath().get(0).equals(department))
                    .map(Product::category).sorted().findFirst().orElseThrow();
            QuestionAnalysis guessed = new QuestionAnalysis(a.question(), a.searchText(), a.intent(),
                    a.constraints().withCategories(List.of(wrong)), List.of(), false, List.of(), List.of(), Map.of(wrong, 2));
            float[] v = fx.embedder.embed(a.searchText());
            HybridRetriever.Result keyword = voting.search(guessed, v, HybridRetriever.Mode.BM25, Map.of(), 20, 0);
            assertTrue(keyword.products().stream().allMatch(p -> byId.get(p.productId()).category().equals(wrong)),
                    "BM25 keeps the guessed filter: " + q.query());
            HybridRetriever.Result r = voting.search(guessed, v, HybridRetriever.Mode.HYBRID, Map.of(), 20, 0);
            boolean vote = r.filterClauses().stream().anyMatch(c -> c.startsWith("shelf vote"));
            if (!vote) {
                kept++;
                assertTrue(r.products().stream().allMatch(p -> byId.get(p.productId()).category().equals(wrong)));
                continue;
            }
            overruled++;
            List<String> shelves = r.products().stream().limit(10).map(p -> byId.get(p.productId()).category()).distinct().toList();
            assertEquals(1, shelves.size(), "one shelf after the vote: " + shelves);
            assertTrue(r.filterClauses().contains("category in [" + shelves.get(0) + "]"), r.filterClauses().toString());
            backOnOwnShelf += shelves.get(0).equals(leaf) ? 1 : 0;
        }
        assertTrue(overruled > 0, "some wrongly guessed query was overruled (kept " + kept + ")");
        assertTrue(backOnOwnShelf * 2 > overruled, backOnOwnShelf + " of " + overruled + " overruled queries back on their own shelf");
    }
}
