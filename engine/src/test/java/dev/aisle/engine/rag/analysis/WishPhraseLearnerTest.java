package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.rag.TinyCatalogue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WishPhraseLearnerTest {

    static final List<Product> catalogue = TinyCatalogue.products();
    static final QuestionAnalyzer plain = new QuestionAnalyzer(new CatalogueLexicon(catalogue));
    static final List<String> TRAIL = List.of("B0TRAIL001", "B0TRAIL002", "B0TRAIL003");

    /** Every trail shoe judged: Exact the listed ones, Substitute the rest (as the corpus judges a shelf). */
    static JudgedQuery trail(String id, String text, Split split, String... exact) {
        List<Judgment> j = new ArrayList<>();
        for (String p : TRAIL) {
            j.add(new Judgment(p, List.of(exact).contains(p) ? Relevance.EXACT : Relevance.SUBSTITUTE));
        }
        return new JudgedQuery(id, text, split, j);
    }

    static final List<JudgedQuery> queries = List.of(
            trail("q1", "trail shoes that can handle a downpour", Split.TRAIN, "B0TRAIL001"),
            trail("q2", "off road runners that can handle a downpour", Split.TRAIN, "B0TRAIL001"),
            trail("q3", "trail shoes", Split.TRAIN, TRAIL.toArray(String[]::new)),
            new JudgedQuery("q4", "golf gloves that can handle a downpour", Split.TRAIN, List.of(
                    new Judgment("B0GLOVE001", Relevance.EXACT), new Judgment("B0GLOVE002", Relevance.SUBSTITUTE))),
            trail("q5", "trail shoes light as air", Split.TRAIN, "B0TRAIL002"),
            trail("q6", "off road runners light as air under $200", Split.TRAIN, "B0TRAIL002"),
            // The price cap explains the rest: nothing is missing, so "for racing" wishes for nothing.
            trail("q7", "trail shoes for racing under $110", Split.TRAIN, "B0TRAIL003"),
            trail("q8", "trail shoes for racing", Split.TRAIN, TRAIL.toArray(String[]::new)),
            // Held-out queries are never read: their phrases mean nothing to the learner.
            trail("h1", "trail shoes for muddy puddles", Split.HELD_OUT, "B0TRAIL001"),
            trail("h2", "off road runners for muddy puddles", Split.HELD_OUT, "B0TRAIL001"));

    static final WishPhrases learned = WishPhraseLearner.learn(queries, catalogue, plain);

    @Test
    void aPhraseSeenWithTheSameMissingAttributeMeansIt() {
        WishPhrases.Meaning downpour = learned.phrases().get("can handle a downpour");
        assertTrue(downpour != null, "learned: " + learned.phrases().keySet());
        AttributeWish shoes = downpour.byLeaf().get("Trail Running Shoes");
        assertEquals("waterproof", shoes.attribute());
        assertEquals(Set.of("yes"), shoes.values());
        assertEquals("waterproof", downpour.byLeaf().get("Golf Gloves").attribute(), "the same wish on another shelf");
        assertEquals("Trail Running Shoes", downpour.mainLeaf(), "seen twice with shoes, once with gloves");
        assertEquals(3, downpour.support());
    }

    @Test
    void aLongPhraseIsLearnedFromOneQueryAShortOneNeedsTwo() {
        assertTrue(learned.phrases().containsKey("glove that can handle"), "four words, one query (q4): specific enough");
        assertFalse(learned.phrases().containsKey("golf glove"), "two words seen once: chance");
        assertFalse(learned.phrases().containsKey("trail shoe for racing"), "long, but its queries asked for nothing more");
    }

    @Test
    void aNumberWishKeepsItsShelfsThreshold() {
        AttributeWish light = learned.phrases().get("light as air").byLeaf().get("Trail Running Shoes");
        assertEquals("weight", light.attribute());
        assertTrue(light.values().isEmpty());
        assertEquals(Double.NEGATIVE_INFINITY, light.min());
        assertEquals(280, light.max(), 1e-9, "the lightest shoe is 280 g, the others 295 and 310 g");
    }

    @Test
    void categoryWordsPriceCapsAndHeldOutQueriesTeachNoWish() {
        Map<String, WishPhrases.Meaning> p = learned.phrases();
        assertFalse(p.containsKey("trail shoe"), "seen with and without a wish: " + p.get("trail shoe"));
        assertFalse(p.containsKey("for racing"), "the price cap explains q7; q8 wants nothing more");
        assertFalse(p.containsKey("muddy puddle"), "held-out only");
        assertFalse(p.containsKey("puddle"), "held-out only");
    }

    @Test
    void theAnalysisReadsLearnedWishesForTheQuestionsShelf() {
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(catalogue, Map.of(), learned));
        QuestionAnalysis a = analyzer.analyze("Golf gloves that can handle a downpour?", ConversationContext.empty());
        assertEquals(List.of("Golf Gloves"), a.constraints().categories());
        assertEquals(1, a.wishes().size(), a.wishes().toString());
        AttributeWish w = a.wishes().get(0);
        assertEquals("waterproof", w.attribute());
        assertTrue(w.phrase().contains("that can"), "the words it was read from, for the trace: " + w.phrase());
        assertTrue(w.metBy(catalogue.get(4)) && !w.metBy(catalogue.get(5)), "waterproof glove yes, leather glove no");
        QuestionAnalysis light = analyzer.analyze("something light as air for the trails", ConversationContext.empty());
        assertEquals("weight", light.wishes().get(0).attribute(), "no category named: the shelf the phrase was learned on");
        assertTrue(plain.analyze("golf gloves that can handle a downpour", ConversationContext.empty()).wishes().isEmpty(),
                "a lexicon without learned phrases reads no wish");
    }

    @Test
    void badWishesAreRejectedWithTheirValues() {
        assertThrows(IllegalArgumentException.class, () -> AttributeWish.text("waterproof", Set.of(), 1, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttributeWish.range("weight", 300, 200, 1, "x"));
        assertTrue(e.getMessage().contains("300") && e.getMessage().contains("weight"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributeWish.text("waterproof", Set.of("yes"), 0, "x"));
    }
}
