package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.engine.rag.SmallCorpusIndex;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.eval.RankingMetrics;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridRetrieverTest {

    static final SmallCorpusIndex fx = SmallCorpusIndex.get();
    static final QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(fx.corpus.products()));
    static final HybridRetriever rrf = new HybridRetriever(fx.index, RrfFusion.standard(), 100);
    static final Map<String, Product> products = fx.corpus.products().stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));

    static HybridRetriever.Result search(String q, HybridRetriever.Mode mode) {
        QuestionAnalysis a = analyzer.analyze(q, ConversationContext.empty());
        return rrf.search(a, fx.embedder.embed(a.searchText()), mode, Map.of(), 30, 10);
    }

    @Test
    void hitsExplainEveryScore() {
        HybridRetriever.Result r = search("waterproof trail running shoes", HybridRetriever.Mode.HYBRID);
        assertFalse(r.hits().isEmpty());
        Hit top = r.hits().get(0);
        assertTrue(top.bm25Rank() > 0 || top.denseRank() > 0);
        assertTrue(top.explanation().contains("bm25") && top.explanation().contains("dense") && top.explanation().contains("rrf"),
                top.explanation());
        Hit both = r.hits().stream().filter(h -> h.bm25Rank() > 0 && h.denseRank() > 0).findFirst().orElseThrow();
        assertTrue(both.explanation().matches(".*(title|category|attributes|bullets|text|brand):\\w+ \\d+\\.\\d+.*"), both.explanation());
        assertEquals(1.0 / (60 + both.bm25Rank()) + 1.0 / (60 + both.denseRank()), both.fused(), 1e-9);
        for (int i = 1; i < r.hits().size(); i++) {
            assertTrue(r.hits().get(i - 1).fused() >= r.hits().get(i).fused(), "hits sorted by fused score");
        }
        Hit late = r.hits().get(15);
        assertTrue(late.explanation().contains("rrf") && !late.explanation().contains("per term"),
                "later hits explain scores without the costly per-term breakdown: " + late.explanation());
    }

    @Test
    void priceCapAndCategoryAreHardFilters() {
        HybridRetriever.Result r = search("golf balls under $30", HybridRetriever.Mode.HYBRID);
        assertTrue(r.filterClauses().stream().anyMatch(c -> c.startsWith("price")), r.filterClauses().toString());
        assertFalse(r.hits().isEmpty());
        for (Hit h : r.hits()) {
            if (!h.productId().isEmpty()) {
                Product p = products.get(h.productId());
                assertTrue(p.price() <= 30, h.docId() + " costs " + p.price());
                assertTrue(p.categoryPath().contains("Golf Balls"), h.docId() + " is in " + p.categoryPath());
            } else {
                assertEquals("guide", h.docType());
            }
        }
    }

    @Test
    void bm25OnlyAndDenseOnlyUseOneList() {
        HybridRetriever.Result bm25 = search("thermal base layer for cold golf", HybridRetriever.Mode.BM25);
        HybridRetriever.Result dense = search("thermal base layer for cold golf", HybridRetriever.Mode.DENSE);
        assertEquals(0, bm25.denseCount());
        assertTrue(bm25.hits().stream().allMatch(h -> h.denseRank() == 0 && h.bm25Rank() > 0));
        assertEquals(0, dense.bm25Count());
        assertTrue(dense.hits().stream().allMatch(h -> h.bm25Rank() == 0 && h.denseRank() > 0 && h.dense() > 0));
    }

    @Test
    void hybridFindsTheJudgedProducts() {
        double recall = 0;
        double ndcg = 0;
        List<JudgedQuery> qs = fx.corpus.judgedQueries();
        for (JudgedQuery q : qs) {
            List<String> ranked = search(q.query(), HybridRetriever.Mode.HYBRID).products().stream()
                    .map(ProductHit::productId).toList();
            Map<String, Integer> gains = new HashMap<>();
            for (Judgment j : q.judgments()) {
                gains.put(j.productId(), j.label().grade());
            }
            // Every product of the category is judged: Exact (2) fits every wish, Substitute (1) is the right kind.
            recall += RankingMetrics.cappedRecall(ranked, gains, 20, Relevance.SUBSTITUTE.grade());
            ndcg += RankingMetrics.linearNdcg(ranked, gains, 10);
        }
        recall /= qs.size();
        ndcg /= qs.size();
        assertTrue(recall > 0.7, "mean recall@20 " + recall);
        assertTrue(ndcg > 0.6, "mean nDCG@10 " + ndcg);
    }

    @Test
    void shelfConsensusLiftsTheShelfMostTopProductsComeFrom() {
        // Top 10: six gloves (g*), four base layers (b*); below them more of both.
        List<ProductHit> ranked = new java.util.ArrayList<>();
        String[] order = {"b1", "g1", "b2", "g2", "g3", "b3", "g4", "g5", "b4", "g6", "b5", "g7", "b6", "g8"};
        for (int i = 0; i < order.length; i++) {
            ranked.add(new ProductHit(order[i], 1.0 - 0.05 * i, "product:" + order[i], 1));
        }
        Function<String, String> shelf = id -> id.startsWith("g") ? "winter golf gloves" : "thermal base layers";
        List<String> lifted = HybridRetriever.shelfConsensus(ranked, shelf, 1.0).stream().map(ProductHit::productId).toList();
        assertEquals(List.of("g1", "g2", "g3", "g4", "g5", "g6"), lifted.subList(0, 6), "the leading shelf (6 of the top 10) moves up");
        assertEquals(List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8"), lifted.stream().filter(id -> id.startsWith("g")).toList());
        assertEquals(List.of("b1", "b2", "b3", "b4", "b5", "b6"), lifted.stream().filter(id -> id.startsWith("b")).toList(),
                "one factor for the whole shelf: the order inside each shelf stays");
        List<String> mild = HybridRetriever.shelfConsensus(ranked, shelf, 0.1).stream().map(ProductHit::productId).toList();
        assertEquals("g1", mild.get(0), "g1 0.95 × 1.1 overtakes b1 1.0");
        assertEquals(List.of("b1", "b2", "b3", "b4", "b5", "b6"), mild.stream().filter(id -> id.startsWith("b")).toList());
        // Four of the top ten from one shelf is no consensus: nothing moves.
        List<String> ids = List.of(order);
        Function<String, String> threeShelves = id -> "shelf-" + ids.indexOf(id) % 3;
        assertEquals(ranked, HybridRetriever.shelfConsensus(ranked, threeShelves, 1.0));
    }

    @Test
    void theIndexKnowsEveryProductsShelfAndANamedCategoryIsNotBoosted() {
        // Shelves group the products exactly as their leaf categories do (one shelf per leaf and back).
        Map<String, java.util.Set<String>> shelvesOfLeaf = new HashMap<>();
        Map<String, java.util.Set<String>> leavesOfShelf = new HashMap<>();
        for (Product p : fx.corpus.products()) {
            String shelf = fx.index.shelfOfProduct(p.id());
            assertFalse(shelf.isEmpty(), p.id());
            assertTrue(p.categoryPath().stream().anyMatch(c -> c.equalsIgnoreCase(shelf)), p.id() + " " + shelf);
            shelvesOfLeaf.computeIfAbsent(p.category(), k -> new java.util.HashSet<>()).add(shelf);
            leavesOfShelf.computeIfAbsent(shelf, k -> new java.util.HashSet<>()).add(p.category());
        }
        shelvesOfLeaf.forEach((leaf, shelves) -> assertEquals(1, shelves.size(), leaf + " " + shelves));
        leavesOfShelf.forEach((shelf, leaves) -> assertEquals(1, leaves.size(), shelf + " " + leaves));
        assertEquals("", fx.index.shelfOfProduct("B0NOSUCH00"));
        HybridRetriever boosted = new HybridRetriever(fx.index, RrfFusion.standard(), 100, 1.0);
        QuestionAnalysis named = analyzer.analyze("winter golf gloves", ConversationContext.empty());
        float[] nv = fx.embedder.embed(named.searchText());
        assertEquals(rrf.search(named, nv, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products(),
                boosted.search(named, nv, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products(),
                "a question that names its category is filtered already");
    }

    @Test
    void productsRollUpFromTheirDocuments() {
        List<Hit> hits = List.of(
                new Hit("review:a", "review", "P1", 0, 0, 0, 0, 0.5, "", ""),
                new Hit("product:P2", "product", "P2", 0, 0, 0, 0, 0.6, "", ""),
                new Hit("qa:b", "qa", "P1", 0, 0, 0, 0, 0.4, "", ""),
                new Hit("guide:g", "guide", "", 0, 0, 0, 0, 0.9, "", ""));
        List<ProductHit> p = HybridRetriever.products(hits);
        assertEquals(List.of("P1", "P2"), p.stream().map(ProductHit::productId).toList(), "0.5 + 0.3*0.4 beats 0.6");
        assertEquals("review:a", p.get(0).bestDocId());
        assertEquals(2, p.get(0).documents());
    }
}
