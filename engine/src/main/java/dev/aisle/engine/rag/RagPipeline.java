package dev.aisle.engine.rag;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.analysis.LearnedLexicon;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.embed.TextEmbedder;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.IndexSchema;
import dev.aisle.engine.rag.index.RetrievalIndex;
import dev.aisle.engine.rag.pack.EvidenceCandidate;
import dev.aisle.engine.rag.pack.EvidencePacker;
import dev.aisle.engine.rag.pack.PackedEvidence;
import dev.aisle.engine.rag.retrieve.Fusion;
import dev.aisle.engine.rag.retrieve.Hit;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.rag.retrieve.RrfFusion;
import dev.aisle.engine.rag.retrieve.ShelfVote;
import dev.aisle.engine.rag.retrieve.WishBoost;
import dev.aisle.engine.rag.route.BudgetedCalls;
import dev.aisle.engine.rag.route.SourceRun;
import dev.aisle.engine.rag.route.ServiceArguments;
import dev.aisle.engine.rag.route.SourceWeights;
import dev.aisle.engine.rag.services.CatalogueStoreServices;
import dev.aisle.engine.spi.EvidenceSource;
import dev.aisle.engine.spi.StoreService;
import dev.aisle.engine.trace.AnswerTrace;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The retrieval facade: question analysis → source routing (index, plugin sources, store services,
 * each under a time budget) → evidence packing, with every step in the {@link AnswerTrace}.
 * Thread-safe; one per engine, closed on shutdown.
 */
public final class RagPipeline implements Retriever, AutoCloseable {

    /**
     * Tunables.
     *
     * @param depth        documents each ranked list returns before fusion
     * @param hitLimit     fused hits kept (and shown in the trace)
     * @param explainTop   hits that get Lucene's per-term BM25 breakdown (all hits explain their scores)
     * @param sourceBudget time a plugin source or a store-service call may take
     * @param indexBudget  time the built-in index (embedding + search) may take; it is the engine's own
     *                     source, so it gets more slack than plugins (a cold JIT, a busy machine)
     */
    public record Config(Fusion fusion, int depth, int hitLimit, int explainTop, Duration sourceBudget,
                         Duration indexBudget, EvidencePacker packer, double shelfBoost, double wishBoost,
                         Optional<ShelfVote.Rule> shelfVote) {
        /** Chosen on the TRAIN judged queries by {@code RetrievalBench} (sessions 4 to 6; docs/notes/rag*.md). */
        public static Config defaults() {
            return new Config(DEFAULT_FUSION, 100, 30, 5, Duration.ofMillis(400), Duration.ofSeconds(3),
                    EvidencePacker.defaults(), DEFAULT_SHELF_BOOST, DEFAULT_WISH_BOOST, DEFAULT_SHELF_VOTE);
        }

        public Config withFusion(Fusion f) {
            return new Config(f, depth, hitLimit, explainTop, sourceBudget, indexBudget, packer, shelfBoost, wishBoost, shelfVote);
        }

        public Config withBudgets(Duration sources, Duration index) {
            return new Config(fusion, depth, hitLimit, explainTop, sources, index, packer, shelfBoost, wishBoost, shelfVote);
        }

        public Config withPacker(EvidencePacker p) {
            return new Config(fusion, depth, hitLimit, explainTop, sourceBudget, indexBudget, p, shelfBoost, wishBoost, shelfVote);
        }

        /** See {@link HybridRetriever#HybridRetriever(RetrievalIndex, Fusion, int, double)}. */
        public Config withShelfBoost(double boost) {
            return new Config(fusion, depth, hitLimit, explainTop, sourceBudget, indexBudget, packer, boost, wishBoost, shelfVote);
        }

        /** See {@link WishBoost}. */
        public Config withWishBoost(double boost) {
            return new Config(fusion, depth, hitLimit, explainTop, sourceBudget, indexBudget, packer, shelfBoost, boost, shelfVote);
        }

        /** See {@link ShelfVote}; empty: off. */
        public Config withShelfVote(Optional<ShelfVote.Rule> rule) {
            return new Config(fusion, depth, hitLimit, explainTop, sourceBudget, indexBudget, packer, shelfBoost, wishBoost, rule);
        }
    }

    /**
     * Default fusion of the keyword and dense lists: RRF k 60 with the dense list counted twice, the best
     * of the fusions {@code RetrievalBench} tried on the TRAIN judged queries (nDCG@10 0.880 against 0.871
     * for plain RRF; session 4). Paraphrased queries ("something to keep my hands warm on the course")
     * are where the dense list knows more than the keyword list.
     */
    public static final Fusion DEFAULT_FUSION = new RrfFusion(60, 1, 2);
    /**
     * Default shelf-consensus boost for questions that name no category: off, because on the TRAIN
     * queries it moved hybrid nDCG@10 by less than 0.001 (session 4).
     */
    public static final double DEFAULT_SHELF_BOOST = 0;
    /**
     * Default boost of products meeting the question's attribute wishes and brands ({@link WishBoost}): a
     * product meeting every wish has its score multiplied by 1 + this. Chosen on TRAIN by {@code RetrievalBench}
     * (session 5: wish phrases and categories learned from the even TRAIN queries, scored on the odd ones;
     * nDCG@10 0.7431 off, 0.7837 ×0.5, 0.7878 ×1, 0.7897 ×2, 0.7854 ×4).
     */
    public static final double DEFAULT_WISH_BOOST = 2.0;
    /**
     * Default shelf vote ({@link ShelfVote}): a category named only by a shopper phrase seen in at most two
     * training queries gives way when none of the question's 20 nearest product pages sits under it and 18 share
     * one shelf. Chosen on TRAIN by {@code RetrievalBench}'s 4-fold cross-validation (phrases learned from three
     * quarters of TRAIN, scored on the rest; session 6): mean nDCG@10 0.8483 without a vote, 0.8577 with it
     * (7 of 10, support ≤ 2: 0.8563). Without the support limit the vote looked good learned from half of TRAIN
     * (+0.012) but lost 0.013 on the held-out queries (docs/bench/retrieval-session6-vote.txt) and 0.005–0.009
     * in the 4-fold check: a phrase seen often is more often right than the neighbours.
     */
    public static final Optional<ShelfVote.Rule> DEFAULT_SHELF_VOTE = Optional.of(new ShelfVote.Rule(20, 18, false, false, 2));

    /** The hits section of the trace. */
    public record HitsSection(String fusion, List<String> filters, int bm25Count, int denseCount, long bm25Micros,
                              long denseMicros, List<Hit> hits, List<ProductHit> products) {
    }

    private final RetrievalIndex index;
    private final TextEmbedder embedder;
    private final QuestionAnalyzer analyzer;
    private final HybridRetriever retriever;
    private final List<EvidenceSource> sources;
    private final Map<String, StoreService> services;
    private final Config config;
    private final ExecutorService executor;
    private final BudgetedCalls calls;
    private final boolean ownsResources;
    private volatile Consumer<SourceRun> sourceIncidents = run -> { };

    /**
     * @param catalogue the products the question analysis and services know
     * @param sources   plugin evidence sources (may be empty)
     * @param services  store services by name; "price", "stock" and "delivery" are the ones the router asks for
     */
    public RagPipeline(List<Product> catalogue, RetrievalIndex index, TextEmbedder embedder,
                       List<EvidenceSource> sources, List<StoreService> services, Config config) {
        this(new CatalogueLexicon(catalogue), index, embedder, sources, services, config, false);
    }

    /** With a prepared lexicon, e.g. one with category names learned from judged training queries. */
    public RagPipeline(CatalogueLexicon lexicon, RetrievalIndex index, TextEmbedder embedder,
                       List<EvidenceSource> sources, List<StoreService> services, Config config) {
        this(lexicon, index, embedder, sources, services, config, false);
    }

    /**
     * The lexicon of a corpus: its catalogue plus the category names and the attribute-wish phrases learned
     * from its TRAIN judged queries ({@link LearnedLexicon}).
     */
    public static CatalogueLexicon lexicon(Corpus corpus) {
        return LearnedLexicon.learn(corpus.judgedQueries(), corpus.products());
    }

    /** The assistant's ranking over an index: the configuration's fusion, depth, shelf consensus and wish boost. */
    public static HybridRetriever retriever(RetrievalIndex index, CatalogueLexicon lexicon, Config config) {
        return new HybridRetriever(index, config.fusion(), config.depth(), config.shelfBoost(),
                new WishBoost(lexicon::product, config.wishBoost()),
                config.shelfVote().map(rule -> new ShelfVote(lexicon, rule)));
    }

    private RagPipeline(CatalogueLexicon lexicon, RetrievalIndex index, TextEmbedder embedder,
                        List<EvidenceSource> sources, List<StoreService> services, Config config, boolean owns) {
        this.index = index;
        this.embedder = embedder;
        this.analyzer = new QuestionAnalyzer(lexicon);
        this.retriever = retriever(index, lexicon, config);
        List<EvidenceSource> accepted = new ArrayList<>();
        for (EvidenceSource s : sources) {
            if (s.apiVersion() != EvidenceSource.API_VERSION) {
                throw new IllegalArgumentException("evidence source " + s.name() + " speaks SPI version "
                        + s.apiVersion() + ", the engine speaks " + EvidenceSource.API_VERSION);
            }
            accepted.add(s);
        }
        this.sources = List.copyOf(accepted);
        Map<String, StoreService> byName = new LinkedHashMap<>();
        for (StoreService s : services) {
            if (s.apiVersion() != StoreService.API_VERSION) {
                throw new IllegalArgumentException("store service " + s.name() + " speaks SPI version "
                        + s.apiVersion() + ", the engine speaks " + StoreService.API_VERSION);
            }
            byName.put(s.name(), s);
        }
        this.services = Map.copyOf(byName);
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        // A cached pool: a source that hangs keeps its thread, and the next call gets a fresh one.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aisle-source-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.calls = new BudgetedCalls(executor);
        this.ownsResources = owns;
    }

    /** Hears every source or service call that failed, was cut off or rejected (besides the answer's trace). */
    public void onSourceIncident(Consumer<SourceRun> listener) {
        this.sourceIncidents = listener;
    }

    /**
     * The default pipeline under {@code home}: builds the index if the corpus changed (progress on
     * {@code progress}), opens it, loads MiniLM, and uses the catalogue's own store services.
     */
    public static RagPipeline open(AisleHome home, Corpus corpus, List<EvidenceSource> plugins, PrintStream progress) {
        return open(home, corpus, plugins, List.of(), progress);
    }

    /**
     * As {@link #open(AisleHome, Corpus, List, PrintStream)}, with plugin store services besides the
     * catalogue's own; the router asks them for store-service questions under the same time budget.
     * A plugin service may not take a built-in service's name.
     */
    public static RagPipeline open(AisleHome home, Corpus corpus, List<EvidenceSource> plugins,
                                   List<StoreService> pluginServices, PrintStream progress) {
        return open(home, corpus, MiniLmEmbedder.withAllCores(), plugins, pluginServices, progress);
    }

    /**
     * As {@link #open(AisleHome, Corpus, List, List, PrintStream)} with an embedder the caller loaded
     * (beside reading the corpus, say); the pipeline owns it from here and closes it.
     */
    public static RagPipeline open(AisleHome home, Corpus corpus, MiniLmEmbedder embedder, List<EvidenceSource> plugins,
                                   List<StoreService> pluginServices, PrintStream progress) {
        try {
            List<StoreService> all = new ArrayList<>(new CatalogueStoreServices(corpus.products()).all());
            for (StoreService s : pluginServices) {
                if (SourceWeights.BUILT_IN_SERVICES.contains(s.name())) {
                    throw new IllegalArgumentException("plugin store service " + s.getClass().getName()
                            + " takes the built-in name '" + s.name() + "'; built-in names are " + SourceWeights.BUILT_IN_SERVICES);
                }
                all.add(s);
            }
            // The lexicon needs only the corpus: read (or learn) it while the index is checked and opened.
            CompletableFuture<CatalogueLexicon> lexicon = CompletableFuture.supplyAsync(() -> LearnedLexicon.learnOrRead(
                    home.lexiconFile(), corpus.contentHash(), corpus.judgedQueries(), corpus.products(), progress));
            new IndexBuilder(embedder, progress, Math.max(1, Runtime.getRuntime().availableProcessors()))
                    .buildIfStale(corpus, home.indexDir());
            RetrievalIndex index = RetrievalIndex.open(home.indexDir());
            try {
                return new RagPipeline(lexicon.join(), index, embedder, plugins, all, Config.defaults(), true);
            } catch (RuntimeException e) {
                index.close();
                throw e instanceof CompletionException c && c.getCause() instanceof RuntimeException r ? r : e;
            }
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    @Override
    public Set<String> catalogueProductIds() {
        return analyzer.lexicon().productIds();
    }

    public QuestionAnalyzer analyzer() {
        return analyzer;
    }

    public HybridRetriever retriever() {
        return retriever;
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    @Override
    public RetrievalResult retrieve(String question, ConversationContext context, AnswerTrace trace) {
        long t0 = System.nanoTime();
        QuestionAnalysis analysis = analyzer.analyze(question, context);
        trace.putSection("rag.analysis", analysis);
        SourceWeights weights = SourceWeights.forIntent(analysis.intent());
        long t1 = System.nanoTime();

        // Phase 1: the index and the plugin sources, side by side under one budget.
        long[] embedNanos = new long[1];
        List<BudgetedCalls.Call<Object>> phase1 = new ArrayList<>();
        phase1.add(new BudgetedCalls.Call<>("index", "index", () -> {
            long e0 = System.nanoTime();
            float[] vector = embedder.embed(analysis.searchText());
            embedNanos[0] = System.nanoTime() - e0;
            return retriever.search(analysis, vector, HybridRetriever.Mode.HYBRID, weights.docTypes(),
                    config.hitLimit(), config.explainTop());
        }, r -> ((HybridRetriever.Result) r).hits().size(), config.indexBudget()));
        List<String> focus = analysis.referencedProductIds();
        for (EvidenceSource s : sources) {
            EvidenceSource.EvidenceRequest request = new EvidenceSource.EvidenceRequest(question,
                    analysis.intent().name(), focus, 5);
            phase1.add(new BudgetedCalls.Call<>(s.name(), "evidence", () -> s.fetch(request),
                    r -> ((List<?>) r).size(), config.sourceBudget()));
        }
        List<BudgetedCalls.Outcome<Object>> outcomes1 = calls.runAll(phase1);
        List<SourceRun> runs = new ArrayList<>();
        outcomes1.forEach(o -> runs.add(o.run()));
        Optional<HybridRetriever.Result> found = outcomes1.get(0).value().map(HybridRetriever.Result.class::cast);
        List<Hit> hits = found.map(HybridRetriever.Result::hits).orElse(List.of());
        List<ProductHit> products = rankProducts(analysis, found.map(HybridRetriever.Result::products).orElse(List.of()));
        found.ifPresent(r -> trace.putSection("rag.hits", new HitsSection(r.fusion(), r.filterClauses(), r.bm25Count(),
                r.denseCount(), r.bm25Micros(), r.denseMicros(), r.hits(), r.products().subList(0, Math.min(20, r.products().size())))));
        long t2 = System.nanoTime();

        // Phase 2: store services for the products the answer will be about.
        List<StoreService.ServiceResult> serviceResults = callServices(analysis, weights, products, runs);
        trace.putSection("rag.sources", List.copyOf(runs));
        runs.stream().filter(r -> r.status() != SourceRun.Status.OK && !r.kind().equals("index")).forEach(sourceIncidents);
        long t3 = System.nanoTime();

        List<EvidenceCandidate> candidates = candidates(analysis, context, weights, hits, outcomes1, serviceResults);
        PackedEvidence packed = config.packer().pack(candidates);
        trace.putSection("rag.evidence", packed);
        long t4 = System.nanoTime();

        RetrievalResult.Timings timings = new RetrievalResult.Timings((t1 - t0) / 1000, embedNanos[0] / 1000,
                (t2 - t1) / 1000, (t3 - t2) / 1000, (t4 - t3) / 1000, (t4 - t0) / 1000);
        trace.putSection("rag.timings", timings);
        trace.addStage("retrieval", t0, analysis.intent() + ", " + hits.size() + " hits, "
                + packed.items().size() + " evidence items, " + packed.tokenCount() + " tokens");
        return new RetrievalResult(analysis, hits, products, serviceResults, packed, runs, timings);
    }

    /** Referenced products lead, in the order the question gave them; retrieval's ranking follows. */
    private static List<ProductHit> rankProducts(QuestionAnalysis analysis, List<ProductHit> ranked) {
        List<ProductHit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double top = ranked.isEmpty() ? 1 : ranked.get(0).score();
        for (String id : analysis.referencedProductIds()) {
            ProductHit h = ranked.stream().filter(p -> p.productId().equals(id)).findFirst()
                    .orElse(new ProductHit(id, top, "product:" + id, 0));
            out.add(h);
            seen.add(id);
        }
        for (ProductHit h : ranked) {
            if (seen.add(h.productId())) {
                out.add(h);
            }
        }
        return out;
    }

    private List<StoreService.ServiceResult> callServices(QuestionAnalysis analysis, SourceWeights weights,
                                                          List<ProductHit> products, List<SourceRun> runs) {
        int n = analysis.referencedProductIds().isEmpty() ? weights.serviceProducts()
                : analysis.referencedProductIds().size();
        List<String> names = new ArrayList<>(weights.services());
        if (weights.callsPluginServices()) {
            services.keySet().stream().filter(s -> !SourceWeights.BUILT_IN_SERVICES.contains(s)).sorted().forEach(names::add);
        }
        Map<String, String> arguments = ServiceArguments.from(analysis.question());
        List<BudgetedCalls.Call<StoreService.ServiceResult>> phase2 = new ArrayList<>();
        for (String name : names) {
            StoreService service = services.get(name);
            if (service == null) {
                continue;
            }
            for (ProductHit p : products.subList(0, Math.min(n, products.size()))) {
                StoreService.ServiceCall call = new StoreService.ServiceCall(p.productId(), arguments);
                phase2.add(new BudgetedCalls.Call<>(name + ":" + p.productId(), "service", () -> service.call(call), r -> 1,
                        config.sourceBudget()));
            }
        }
        if (phase2.isEmpty()) {
            return List.of();
        }
        List<StoreService.ServiceResult> out = new ArrayList<>();
        for (BudgetedCalls.Outcome<StoreService.ServiceResult> o : calls.runAll(phase2)) {
            StoreService.ServiceResult r = o.value().orElse(null);
            if (r != null && (r.text() == null || r.text().isBlank() || r.productId() == null)) {
                // Garbage from a service must not reach the prompt; the trace says why it is missing.
                SourceRun run = o.run();
                runs.add(new SourceRun(run.source(), run.kind(), SourceRun.Status.REJECTED, run.micros(), 0,
                        "returned a result without text or product id"));
                continue;
            }
            runs.add(o.run());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private List<EvidenceCandidate> candidates(QuestionAnalysis analysis, ConversationContext context,
                                               SourceWeights weights, List<Hit> hits,
                                               List<BudgetedCalls.Outcome<Object>> outcomes1,
                                               List<StoreService.ServiceResult> serviceResults) {
        List<EvidenceCandidate> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // Store facts are short and authoritative: they go first.
        for (StoreService.ServiceResult r : serviceResults) {
            String id = "service:" + r.service() + ":" + r.productId();
            ids.add(id);
            out.add(new EvidenceCandidate("service", id, r.productId(), r.text(), 1.0, Map.of()));
        }
        // The spec sheet of every product the question is about, whatever its keyword score.
        for (String pid : analysis.referencedProductIds()) {
            String id = "product:" + pid;
            index.find(id).ifPresent(d -> {
                ids.add(id);
                out.add(new EvidenceCandidate("product", id, pid, d.body(), 0.99, Map.of("forced", 1.0)));
            });
        }
        double maxFused = hits.stream().mapToDouble(Hit::fused).max().orElse(1);
        for (Hit h : hits) {
            if (ids.add(h.docId())) {
                out.add(new EvidenceCandidate(h.docType(), h.docId(), h.productId(), h.text(), 0.95 * h.fused() / maxFused,
                        Map.of("bm25", h.bm25(), "dense", h.dense(), "fused", h.fused())));
            }
        }
        // What the previous answer stood on still matters for a follow-up about the same products.
        if (analysis.followUp() && !context.turns().isEmpty()) {
            Set<String> about = new HashSet<>(analysis.referencedProductIds());
            for (String docId : context.turns().get(context.turns().size() - 1).evidenceDocIds()) {
                index.find(docId).filter(d -> about.contains(d.productId()) && ids.add(docId)).ifPresent(d ->
                        out.add(new EvidenceCandidate(d.type().source(), docId, d.productId(), d.body(), 0.5,
                                Map.of("earlier_turn", 1.0))));
            }
        }
        for (int i = 1; i < outcomes1.size(); i++) {
            SourceRun run = outcomes1.get(i).run();
            Optional<Object> v = outcomes1.get(i).value();
            if (v.isEmpty()) {
                continue;
            }
            List<?> items = (List<?>) v.get();
            for (int k = 0; k < items.size(); k++) {
                if (!(items.get(k) instanceof EvidenceSource.EvidenceItem item)) {
                    continue;
                }
                double rel = weights.pluginWeight() * (1.0 - (double) k / (items.size() + 1));
                out.add(new EvidenceCandidate(run.source(), run.source() + ":" + item.id(), item.productId(), item.text(),
                        rel, Map.of("source_score", item.score())));
            }
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (ownsResources) {
            index.close();
            embedder.close();
        }
    }
}
