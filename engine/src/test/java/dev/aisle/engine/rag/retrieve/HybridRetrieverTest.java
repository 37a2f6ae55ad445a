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
    void shelfConsensusLiftsTheShelfMostTopProductsComeFromWhenNoCategoryIsNamed() {
        HybridRetriever boosted = new HybridRetriever(fx.index, RrfFusion.standard(), 100, 1.0);
        // The retriever's part only: a reading with no category, product or other constraint.
        String q = "something to keep my fingers warm on the course in december";
        QuestionAnalysis a = new QuestionAnalysis(q, q, dev.aisle.datasets.judgments.Intent.RECOMMENDATION,
                dev.aisle.engine.rag.analysis.Constraints.none(), List.of(), false, List.of());
        float[] v = fx.embedder.embed(a.searchText());
        List<String> plain = rrf.search(a, v, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products().stream()
                .map(ProductHit::productId).toList();
        List<String> lifted = boosted.search(a, v, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products().stream()
                .map(ProductHit::productId).toList();
        assertTrue(plain.size() >= 20, "products ranked: " + plain.size());
        Map<String, Long> shelves = plain.subList(0, 10).stream()
                .collect(Collectors.groupingBy(id -> products.get(id).category(), Collectors.counting()));
        String lead = shelves.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(shelves.get(lead) >= HybridRetriever.CONSENSUS_VOTES, "no shelf leads the top 10: " + shelves);
        long leadInTop10 = lifted.subList(0, 10).stream().filter(id -> products.get(id).category().equals(lead)).count();
        assertTrue(leadInTop10 >= shelves.get(lead), "the lead shelf must not lose places: " + leadInTop10 + " < " + shelves.get(lead));
        // One factor for the whole shelf: the order inside the shelf and among the others stays as it was.
        java.util.function.Predicate<String> inLead = id -> products.get(id).category().equals(lead);
        assertEquals(plain.stream().filter(inLead).toList(), lifted.stream().filter(inLead).toList());
        assertEquals(plain.stream().filter(inLead.negate()).toList(), lifted.stream().filter(inLead.negate()).toList());
        int lastLeadPlain = plain.stream().filter(inLead).mapToInt(plain::indexOf).max().orElseThrow();
        int lastLeadLifted = lifted.stream().filter(inLead).mapToInt(lifted::indexOf).max().orElseThrow();
        assertTrue(lastLeadLifted < lastLeadPlain || lastLeadPlain == plain.stream().filter(inLead).count() - 1,
                "the lead shelf's stragglers must move up: last at " + lastLeadPlain + " before, " + lastLeadLifted + " after");
        // A question that names its category is filtered already: the boost changes nothing.
        QuestionAnalysis named = analyzer.analyze("winter golf gloves", ConversationContext.empty());
        float[] nv = fx.embedder.embed(named.searchText());
        assertEquals(rrf.search(named, nv, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products(),
                boosted.search(named, nv, HybridRetriever.Mode.HYBRID, Map.of(), 30, 0).products());
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
