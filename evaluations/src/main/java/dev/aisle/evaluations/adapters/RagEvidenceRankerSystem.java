package dev.aisle.evaluations.adapters;

import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.eval.EvidenceRanker;
import dev.aisle.engine.rag.eval.ProductQaCsv;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.RrfFusion;
import dev.aisle.evaluations.suite.Candidate;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.RankingSystem;
import dev.aisle.evaluations.system.Configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RAG layer's product-QA evidence ranker (Lucene BM25, MiniLM, RRF over each question's own
 * candidates) for product-QA suites: {@code rag-evidence-hybrid}, {@code rag-evidence-bm25},
 * {@code rag-evidence-dense}.
 */
public final class RagEvidenceRankerSystem implements RankingSystem {

    private final MiniLmEmbedder embedder;
    private final EvidenceRanker ranker;
    private final Map<String, ProductQaCsv.Question> byQid = new HashMap<>();
    private final HybridRetriever.Mode mode;

    public RagEvidenceRankerSystem(List<SuiteItem> items, HybridRetriever.Mode mode) {
        this.mode = mode;
        List<ProductQaCsv.Question> questions = new ArrayList<>();
        for (SuiteItem item : items) {
            ProductQaCsv.Question q = question(item);
            questions.add(q);
            byQid.put(q.qid(), q);
        }
        this.embedder = MiniLmEmbedder.withAllCores();
        this.ranker = new EvidenceRanker(questions, embedder);
    }

    public static HybridRetriever.Mode modeOf(String configName) {
        return HybridRetriever.Mode.valueOf(configName.substring("rag-evidence-".length()).toUpperCase());
    }

    /** The engine's record of one question, rebuilt from the suite item (candidate order kept). */
    static ProductQaCsv.Question question(SuiteItem item) {
        Map<String, Integer> gain = new HashMap<>();
        item.judgments().forEach(j -> gain.put(j.docId(), j.gain()));
        List<ProductQaCsv.Row> rows = new ArrayList<>();
        for (Candidate c : item.candidates()) {
            rows.add(new ProductQaCsv.Row(item.id(), item.question(), c.productId(), c.text(), c.source(),
                    gain.getOrDefault(c.id(), 0), item.referenceAnswer(), 0));
        }
        String product = item.candidates().isEmpty() ? "" : item.candidates().get(0).productId();
        return new ProductQaCsv.Question(item.id(), item.question(), product, item.referenceAnswer(), rows);
    }

    public Configuration configuration(String name) {
        return new Configuration(name, Map.of("system", "engine EvidenceRanker", "mode", mode.name().toLowerCase(),
                "fusion", RrfFusion.standard().name(), "embedder", "all-MiniLM-L6-v2-q"));
    }

    @Override
    public List<String> rank(SuiteItem item) {
        ProductQaCsv.Question q = byQid.get(item.id());
        if (q == null) {
            throw new IllegalArgumentException("item " + item.id() + " was not indexed by the evidence ranker");
        }
        return ranker.rank(q, mode, RrfFusion.standard()).stream()
                .map(i -> item.candidates().get(i).id()).toList();
    }

    @Override
    public void close() throws Exception {
        ranker.close();
        embedder.close();
    }
}
