package dev.aisle.engine.rag.analysis;

import dev.aisle.engine.rag.TinyCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryScopeTest {

    static final QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(TinyCatalogue.products()));

    static List<String> categories(String q) {
        return analyzer.analyze(q, ConversationContext.empty()).constraints().categories();
    }

    @Test
    void aBroaderCategoryThatDoesNotContainTheNamedOneIsDropped() {
        assertEquals(List.of("Golf Gloves"), categories("golf gloves for running errands"),
                "'running' names an aisle, but the question is about golf gloves");
        assertEquals(List.of("Golf Gloves", "Sports"), categories("golf gloves from the sports department"),
                "an ancestor stays: it only repeats the shelf's department");
        List<String> two = categories("trail running shoes or golf gloves");
        assertTrue(two.containsAll(List.of("Trail Running Shoes", "Golf Gloves")) && two.size() == 2, two.toString());
        assertEquals(List.of("Running"), categories("something for running"), "alone, a broad category stays");
    }

    @Test
    void theCataloguesOwnShelfNameOutweighsALearnedPhraseElsewhere() {
        QuestionAnalyzer learned = new QuestionAnalyzer(new CatalogueLexicon(TinyCatalogue.products(),
                java.util.Map.of("light as air", "Road Running Shoes")));
        assertEquals(List.of("Road Running Shoes"),
                learned.analyze("something light as air", ConversationContext.empty()).constraints().categories());
        assertEquals(List.of("Golf Gloves"),
                learned.analyze("golf gloves light as air", ConversationContext.empty()).constraints().categories(),
                "the question names its shelf; the learned phrase is a wish there");
        assertEquals(List.of("Road Running Shoes", "Running"),
                learned.analyze("light as air for running", ConversationContext.empty()).constraints().categories(),
                "an aisle name ('running') does not outweigh it; it contains the shelf, so it stays");
    }

    @Test
    void theLearnedLexiconKnowsShopperCategoryNamesAndWishes() {
        CatalogueLexicon lexicon = LearnedLexicon.learn(WishPhraseLearnerTest.queries, WishPhraseLearnerTest.catalogue);
        assertEquals("Trail Running Shoes", lexicon.learnedCategory("off road runner"));
        assertEquals("weight", lexicon.wishPhrases().phrases().get("light as air").byLeaf().get("Trail Running Shoes").attribute());
        assertNull(lexicon.learnedCategory("muddy puddle"), "held-out queries teach nothing");
    }
}
