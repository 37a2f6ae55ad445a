package dev.aisle.engine.rag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.rag.analysis.Constraints;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.eval.EvidenceRanker;
import dev.aisle.engine.rag.eval.EvidenceRankingEval;
import dev.aisle.engine.rag.eval.ProductQaCsv;
import dev.aisle.engine.rag.eval.RankingMetrics;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.RetrievalIndex;
import dev.aisle.engine.rag.retrieve.Fusion;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.rag.retrieve.RrfFusion;
import dev.aisle.engine.rag.retrieve.WeightedScoreFusion;
import dev.aisle.engine.rag.route.SourceWeights;
import dev.aisle.engine.trace.AnswerTrace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval benchmark on the held-out judged queries of the default corpus: BM25-only, dense-only
 * and hybrid (RRF and weighted fusion) product rankings scored by nDCG@10, recall@20 (Exact and
 * Substitute products) and MRR (first Exact product); then the full retrieval latency (analysis,
 * embedding, search, services, packing) p50/p95; optionally product-QA evidence ranking on a CSV.
 *
 * <pre>
 * java … dev.aisle.engine.rag.RetrievalBench [--json] [--product-qa FILE] [--limit N] [--no-latency]
 * </pre>
 * Figures go to stderr as a table; {@code --json} prints one JSON object on stdout.
 */
public final class RetrievalBench {

    /**
     * Quality of one ranking mode. The corpus judges a sample of each query's products (eight exact
     * ones among possibly hundreds), so the headline figures use condensed lists: unjudged products
     * are dropped from the ranking before scoring (as in ESCI-style evaluation). The {@code full*}
     * figures count every unjudged product as irrelevant and are low for any ranker. {@code recall20}
     * counts Exact and Substitute products; Substitutes are often near misses that break a stated
     * constraint (over the price cap), which hard filters remove on purpose, so {@code recall20Exact}
     * counts Exact products only.
     */
    public record ModeScore(String mode, int queries, double ndcg10, double recall20, double recall20Exact, double mrr,
                            double fullNdcg10, double fullRecall20, double fullMrr) {
    }

    /** Latency of the whole retrieval step, in milliseconds. */
    public record Latency(int questions, double p50, double p95, double max, double meanEmbed, double meanSearch) {
    }

    /** Everything the benchmark measured. */
    public record Report(String corpusHash, int documents, IndexBuilder.BuildReport build, long openMillis,
                         List<ModeScore> modes, Latency latency, List<EvidenceRankingEval.Score> productQa) {
    }

    private static boolean skipLatency;
    private static boolean rawQueries;

    private RetrievalBench() {
    }

    public static void main(String[] args) throws IOException {
        boolean json = false;
        Path productQa = null;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--product-qa" -> productQa = Path.of(value(args, ++i, "--product-qa"));
                case "--no-latency" -> skipLatency = true;
                case "--limit" -> limit = Integer.parseInt(value(args, ++i, "--limit"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; use [--json] [--product-qa FILE] [--limit N] [--no-latency]");
            }
        }
        Report report = run(AisleHome.fromEnvironment(), productQa, limit, System.err);
        if (json) {
            System.out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(report));
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    public static Report run(AisleHome home, Path productQa, int limit, PrintStream log) throws IOException {
        log.println("loading corpus from " + home.corpusDir());
        Corpus corpus = CorpusStore.loadOrGenerate(home.corpusDir(), CorpusGenerator.DEFAULT_SEED);
        return run(home, corpus, productQa, limit, log);
    }

    public static Report run(AisleHome home, Corpus corpus, Path productQa, int limit, PrintStream log) throws IOException {
        IndexBuilder.BuildReport build;
        long openMillis;
        List<ModeScore> modes = new ArrayList<>();
        Latency latency;
        List<EvidenceRankingEval.Score> qa = new ArrayList<>();
        try (MiniLmEmbedder builderModel = MiniLmEmbedder.withAllCores()) {
            build = new IndexBuilder(builderModel, log, builderModel.threads()).buildIfStale(corpus, home.indexDir());
        }
        log.printf(Locale.ROOT, "index: %s, %d documents (%d embedded), embedding %d ms, writing %d ms, total %d ms on %d threads%n",
                build.rebuilt() ? "built" : "up to date", build.documents(), build.embedded(), build.embedMillis(), build.writeMillis(),
                build.totalMillis(), build.threads());
        long i0 = System.nanoTime();
        try (RetrievalIndex probe = RetrievalIndex.open(home.indexDir())) {
            openMillis = (System.nanoTime() - i0) / 1_000_000;
            log.printf(Locale.ROOT, "index open: %d ms (%d documents)%n", openMillis, probe.documents());
        }
        long o0 = System.nanoTime();
        try (RagPipeline pipeline = RagPipeline.open(home, corpus, List.of(), log)) {
            log.printf(Locale.ROOT, "pipeline open (hash check, index, MiniLM, lexicon): %d ms%n", (System.nanoTime() - o0) / 1_000_000);
            List<JudgedQuery> heldOut = corpus.judgedQueries().stream().filter(q -> q.split() == Split.HELD_OUT)
                    .limit(limit).toList();
            log.printf(Locale.ROOT, "%d held-out judged queries%n", heldOut.size());
            try (RetrievalIndex index = RetrievalIndex.open(home.indexDir())) {
                Map<String, HybridRetriever> retrievers = new LinkedHashMap<>();
                retrievers.put("rrf", new HybridRetriever(index, RrfFusion.standard(), 100));
                retrievers.put("weighted", new HybridRetriever(index, new WeightedScoreFusion(0.5), 100));
                modes.add(score("bm25", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.BM25));
                modes.add(score("dense", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.DENSE));
                modes.add(score("hybrid-rrf", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.HYBRID));
                modes.add(score("hybrid-weighted", heldOut, pipeline, retrievers.get("weighted"), HybridRetriever.Mode.HYBRID));
                // Ablation: the raw query, no question analysis (no filters, no typo correction).
                rawQueries = true;
                modes.add(score("bm25-raw", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.BM25));
                modes.add(score("dense-raw", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.DENSE));
                modes.add(score("hybrid-rrf-raw", heldOut, pipeline, retrievers.get("rrf"), HybridRetriever.Mode.HYBRID));
                modes.add(score("hybrid-weighted-raw", heldOut, pipeline, retrievers.get("weighted"), HybridRetriever.Mode.HYBRID));
                rawQueries = false;
            }
            log.println("judged products only (condensed lists)                  | all products (unjudged = irrelevant)");
            log.println("mode              queries  nDCG@10  R@20 E+S  R@20 E   MRR    | nDCG@10  R@20 E+S  MRR");
            for (ModeScore m : modes) {
                log.printf(Locale.ROOT, "%-17s %7d  %7.4f  %8.4f  %7.4f  %.4f | %7.4f  %8.4f  %.4f%n", m.mode(), m.queries(),
                        m.ndcg10(), m.recall20(), m.recall20Exact(), m.mrr(), m.fullNdcg10(), m.fullRecall20(), m.fullMrr());
            }
            latency = skipLatency ? new Latency(0, 0, 0, 0, 0, 0) : latency(pipeline, heldOut);
            log.printf(Locale.ROOT, "retrieval latency over %d questions: p50 %.2f ms, p95 %.2f ms, max %.2f ms "
                            + "(mean embed %.2f ms, mean search %.2f ms)%n", latency.questions(), latency.p50(), latency.p95(),
                    latency.max(), latency.meanEmbed(), latency.meanSearch());
            if (productQa != null) {
                List<ProductQaCsv.Question> questions = ProductQaCsv.read(productQa);
                try (EvidenceRanker ranker = new EvidenceRanker(questions, pipeline.embedder())) {
                    qa.add(EvidenceRankingEval.score(ranker, HybridRetriever.Mode.BM25, RrfFusion.standard(), 5));
                    qa.add(EvidenceRankingEval.score(ranker, HybridRetriever.Mode.DENSE, RrfFusion.standard(), 5));
                    qa.add(EvidenceRankingEval.score(ranker, HybridRetriever.Mode.HYBRID, RrfFusion.standard(), 5));
                    qa.add(EvidenceRankingEval.score(ranker, HybridRetriever.Mode.HYBRID, new WeightedScoreFusion(0.5), 5));
                }
                for (EvidenceRankingEval.Score s : qa) {
                    log.printf(Locale.ROOT, "product-QA %-16s questions %d  nDCG@%d %.4f  MRR %.4f%n", s.mode(),
                            s.questions(), s.k(), s.ndcg(), s.mrr());
                }
            }
        }
        return new Report(corpus.contentHash(), build.documents(), build, openMillis, modes, latency, qa);
    }

    static ModeScore score(String name, List<JudgedQuery> queries, RagPipeline pipeline, HybridRetriever retriever,
                           HybridRetriever.Mode mode) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        double recallExact = 0;
        double fullNdcg = 0;
        double fullRecall = 0;
        double fullMrr = 0;
        for (JudgedQuery q : queries) {
            QuestionAnalysis a = rawQueries
                    ? new QuestionAnalysis(q.query(), q.query().toLowerCase(Locale.ROOT), Intent.RECOMMENDATION,
                    Constraints.none(), List.of(), false, List.of())
                    : pipeline.analyzer().analyze(q.query(), ConversationContext.empty());
            float[] v = mode == HybridRetriever.Mode.BM25 ? new float[0] : pipeline.embedder().embed(a.searchText());
            HybridRetriever.Result r = retriever.search(a, v, mode, SourceWeights.forIntent(a.intent()).docTypes(), 20, 0);
            List<String> ranked = r.products().stream().map(ProductHit::productId).toList();
            Map<String, Integer> gains = new HashMap<>();
            for (Judgment j : q.judgments()) {
                gains.put(j.productId(), j.label().gain());
            }
            List<String> condensed = ranked.stream().filter(gains::containsKey).toList();
            ndcg += RankingMetrics.ndcg(condensed, gains, 10);
            recall += RankingMetrics.recall(condensed, gains, 20, 2);
            recallExact += RankingMetrics.recall(condensed, gains, 20, 3);
            mrr += RankingMetrics.reciprocalRank(condensed, gains, 3);
            fullNdcg += RankingMetrics.ndcg(ranked, gains, 10);
            fullRecall += RankingMetrics.recall(ranked, gains, 20, 2);
            fullMrr += RankingMetrics.reciprocalRank(ranked, gains, 3);
        }
        int n = Math.max(1, queries.size());
        return new ModeScore(name, queries.size(), ndcg / n, recall / n, recallExact / n, mrr / n, fullNdcg / n, fullRecall / n, fullMrr / n);
    }

    static Latency latency(RagPipeline pipeline, List<JudgedQuery> queries) {
        List<String> questions = queries.stream().map(JudgedQuery::query).toList();
        for (int i = 0; i < Math.min(30, questions.size()); i++) {
            pipeline.retrieve(questions.get(i), ConversationContext.empty(), new AnswerTrace("warm-" + i, questions.get(i)));
        }
        double[] ms = new double[questions.size()];
        double embed = 0;
        double search = 0;
        for (int i = 0; i < questions.size(); i++) {
            RetrievalResult r = pipeline.retrieve(questions.get(i), ConversationContext.empty(),
                    new AnswerTrace("bench-" + i, questions.get(i)));
            ms[i] = r.timings().totalMicros() / 1000.0;
            embed += r.timings().embedMicros() / 1000.0;
            search += r.timings().searchMicros() / 1000.0;
        }
        Arrays.sort(ms);
        int n = Math.max(1, ms.length);
        return new Latency(ms.length, percentile(ms, 0.5), percentile(ms, 0.95), ms.length == 0 ? 0 : ms[ms.length - 1],
                embed / n, search / n);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
