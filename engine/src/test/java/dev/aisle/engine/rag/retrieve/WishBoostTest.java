package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.SmallCorpusIndex;
import dev.aisle.engine.rag.TinyCatalogue;
import dev.aisle.engine.rag.analysis.AttributeWish;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.analysis.WishPhrases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WishBoostTest {

    static final Map<String, Product> tiny = TinyCatalogue.products().stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));

    static List<ProductHit> ranked(String... ids) {
        List<ProductHit> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.add(new ProductHit(ids[i], 1.0 - 0.1 * i, "product:" + ids[i], 1));
        }
        return out;
    }

    static List<String> ids(List<ProductHit> hits) {
        return hits.stream().map(ProductHit::productId).toList();
    }

    @Test
    void productsMeetingTheWishMoveUpAndTheRestKeepTheirOrder() {
        List<ProductHit> r = ranked("B0TRAIL002", "B0TRAIL003", "B0TRAIL001", "B0ROAD0001");
        AttributeWish dry = AttributeWish.text("waterproof", Set.of("yes"), 1, "can handle a downpour");
        WishBoost boost = new WishBoost(tiny::get, 1.0);
        assertEquals(List.of("B0TRAIL001", "B0TRAIL002", "B0TRAIL003", "B0ROAD0001"), ids(boost.apply(r, List.of(dry), List.of())),
                "0.8 × 2 overtakes 1.0");
        assertEquals(List.of("B0TRAIL002", "B0TRAIL001", "B0TRAIL003", "B0ROAD0001"),
                ids(new WishBoost(tiny::get, 0.2).apply(r, List.of(dry), List.of())), "0.8 × 1.2 overtakes 0.9 only");
        assertEquals(r, new WishBoost(tiny::get, 0).apply(r, List.of(dry), List.of()), "boost 0 is off");
        assertEquals(r, boost.apply(r, List.of(), List.of()), "no wish, no change");
    }

    @Test
    void eachWishCountsByItsConfidenceAndBrandsCountAsOne() {
        List<ProductHit> r = ranked("B0TRAIL003", "B0TRAIL002", "B0TRAIL001");
        AttributeWish light = AttributeWish.range("weight", Double.NEGATIVE_INFINITY, 285, 0.5, "light as air");
        AttributeWish dry = AttributeWish.text("waterproof", Set.of("yes"), 1, "downpour");
        List<ProductHit> out = new WishBoost(tiny::get, 1.0).apply(r, List.of(light, dry), List.of());
        // TRAIL002 (280 g) meets the half-confidence wish: 0.9 × (1 + 0.5/1.5); TRAIL001 the sure one: 0.8 × (1 + 1/1.5).
        assertEquals(List.of("B0TRAIL001", "B0TRAIL002", "B0TRAIL003"), ids(out));
        assertEquals(0.8 * (1 + 1 / 1.5), out.get(0).score(), 1e-9);
        assertEquals(0.9 * (1 + 0.5 / 1.5), out.get(1).score(), 1e-9);
        List<ProductHit> brand = new WishBoost(tiny::get, 1.0).apply(ranked("B0TRAIL001", "B0TRAIL003"), List.of(), List.of("Peakline"));
        assertEquals(List.of("B0TRAIL003", "B0TRAIL001"), ids(brand), "the named brand's product first");
        assertThrows(IllegalArgumentException.class, () -> new WishBoost(tiny::get, -1));
        assertThrows(IllegalArgumentException.class, () -> new WishBoost(tiny::get, Double.NaN));
    }

    @Test
    void catalogueAttributeWordsAreWishesButAQuestionAboutAnAttributeIsNot() {
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(TinyCatalogue.products()));
        QuestionAnalysis goreTex = analyzer.analyze("gore-tex trail running shoes", ConversationContext.empty());
        assertEquals(List.of("upper"), WishBoost.wishes(goreTex).stream().map(AttributeWish::attribute).toList());
        QuestionAnalysis drop = analyzer.analyze("what's the drop of the trailblazer 3?", ConversationContext.empty());
        assertTrue(WishBoost.wishes(drop).isEmpty(), WishBoost.wishes(drop).toString());
    }

    @Test
    void aLearnedWishRanksTheShelfsMatchingProductsFirstInRealRetrieval() {
        SmallCorpusIndex fx = SmallCorpusIndex.get();
        // A shelf of the generated corpus where some products have a yes/no feature and more do not.
        Map<String, List<Product>> shelves = fx.corpus.products().stream().collect(Collectors.groupingBy(Product::category));
        String leaf = null;
        String feature = null;
        for (String l : new java.util.TreeSet<>(shelves.keySet())) {
            for (Attribute at : shelves.get(l).get(0).attributes()) {
                long yes = shelves.get(l).stream().filter(p -> is(p, at.name(), "yes")).count();
                long no = shelves.get(l).stream().filter(p -> is(p, at.name(), "no")).count();
                if (leaf == null && yes >= 2 && no > yes) {
                    leaf = l;
                    feature = at.name();
                }
            }
        }
        assertTrue(leaf != null, "the small corpus has a shelf split by a yes/no feature");
        final String attr = feature;
        long wanted = shelves.get(leaf).stream().filter(p -> is(p, attr, "yes")).count();
        WishPhrases phrases = new WishPhrases(Map.of("good in the wet", new WishPhrases.Meaning("good in the wet",
                Map.of(leaf, AttributeWish.text(attr, Set.of("yes"), 1, "good in the wet")), leaf, 3)));
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(fx.corpus.products(), Map.of(), phrases));
        QuestionAnalysis a = analyzer.analyze(leaf.toLowerCase() + " that is good in the wet", ConversationContext.empty());
        assertEquals(List.of(leaf), a.constraints().categories());
        assertEquals(attr, a.wishes().get(0).attribute());
        float[] v = fx.embedder.embed(a.searchText());
        Map<String, Product> byId = fx.corpus.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        HybridRetriever plain = new HybridRetriever(fx.index, RrfFusion.standard(), 100);
        HybridRetriever wishful = new HybridRetriever(fx.index, RrfFusion.standard(), 100, 0, new WishBoost(byId::get, 1.0));
        List<String> before = ids(plain.search(a, v, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products());
        List<String> after = ids(wishful.search(a, v, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products());
        int n = (int) Math.min(wanted, 5);
        assertTrue(after.subList(0, n).stream().allMatch(id -> is(byId.get(id), attr, "yes")),
                "the " + n + " first have " + attr + ": " + after.subList(0, n));
        assertNotEquals(before.subList(0, n), after.subList(0, n), "without the wish the keyword and dense lists rank others among them");
        assertEquals(Set.copyOf(before), Set.copyOf(after), "a boost, not a filter: the same products, reordered");
    }

    private static boolean is(Product p, String attribute, String value) {
        return p.attribute(attribute).map(Attribute::value).map(value::equals).orElse(false);
    }
}
