package dev.aisle.evaluations.adapters;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.RetrievalIndex;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.rag.route.SourceWeights;
import dev.aisle.evaluations.metric.ClaimExtractor;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.Turn;
import dev.aisle.evaluations.system.RankingSystem;
import dev.aisle.evaluations.system.Configuration;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The engine's retrieval (question analysis with hard filters, the router's document-type weights,
 * Lucene BM25, MiniLM dense vectors, fusion, roll-up to products) as a ranking system. The index is built first when it is missing or
 * was built from another corpus. Modes: {@code rag-hybrid}, {@code rag-bm25}, {@code rag-dense}.
 */
public final class RagRetrieverSystem implements RankingSystem {

    public static final int DEPTH = 100;
    public static final int RANKED = 50;

    private final MiniLmEmbedder embedder;
    private final RetrievalIndex index;
    private final QuestionAnalyzer analyzer;
    private final HybridRetriever retriever;
    private final HybridRetriever.Mode mode;
    private final String indexKey;

    public RagRetrieverSystem(Corpus corpus, Path indexDir, HybridRetriever.Mode mode, PrintStream log) {
        this.mode = mode;
        this.embedder = MiniLmEmbedder.withAllCores();
        IndexBuilder.BuildReport report = new IndexBuilder(embedder, log, embedder.threads()).buildIfStale(corpus, indexDir);
        if (report.rebuilt()) {
            log.printf("eval: built the retrieval index (%d documents) in %.1f s%n", report.documents(), report.totalMillis() / 1000.0);
        }
        this.index = RetrievalIndex.open(indexDir);
        this.indexKey = report.indexKey();
        // The assistant's lexicon (catalogue + category phrases learned from TRAIN judged queries), so that
        // rag-* configurations measure the retrieval the assistant really runs.
        this.analyzer = new QuestionAnalyzer(RagPipeline.lexicon(corpus));
        // The assistant's ranking too (fusion, shelf and wish boosts chosen on the TRAIN judged queries), not a fixed one.
        this.retriever = RagPipeline.retriever(index, analyzer.lexicon(), RagPipeline.Config.defaults());
    }

    public static HybridRetriever.Mode modeOf(String configName) {
        return switch (configName) {
            case "rag-hybrid" -> HybridRetriever.Mode.HYBRID;
            case "rag-bm25" -> HybridRetriever.Mode.BM25;
            case "rag-dense" -> HybridRetriever.Mode.DENSE;
            default -> throw new IllegalArgumentException("not a rag configuration: " + configName);
        };
    }

    public Configuration configuration(String name) {
        return new Configuration(name, Map.of("system", "engine HybridRetriever", "mode", mode.name().toLowerCase(),
                "fusion", retriever.fusion().name(), "depth", Integer.toString(DEPTH), "embedder", "all-MiniLM-L6-v2-q"));
    }

    @Override
    public Map<String, String> lineage() {
        return Map.of("index", indexKey);
    }

    @Override
    public List<String> rank(SuiteItem item) {
        QuestionAnalysis analysis = analyzer.analyze(item.question(), context(item.history()));
        float[] vector = mode == HybridRetriever.Mode.BM25 ? new float[0] : embedder.embed(item.question());
        // The router's document-type weights for the question's intent, as the pipeline and the RAG bench use them.
        HybridRetriever.Result r = retriever.search(analysis, vector, mode,
                SourceWeights.forIntent(analysis.intent()).docTypes(), DEPTH, 0);
        return r.products().stream().map(ProductHit::productId).limit(RANKED).toList();
    }

    private static ConversationContext context(List<Turn> history) {
        ConversationContext c = ConversationContext.empty();
        for (Turn t : history) {
            List<String> ids = new ArrayList<>();
            Matcher m = ClaimExtractor.PRODUCT_ID.matcher(t.answer());
            while (m.find()) {
                ids.add(m.group());
            }
            c = c.then(new ConversationContext.PriorTurn(t.question(), t.answer(), ids, List.of(), List.of()));
        }
        return c;
    }

    @Override
    public void close() {
        index.close();
        embedder.close();
    }
}
