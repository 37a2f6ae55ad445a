package dev.aisle.engine.rag;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.LearnedLexicon;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalyzer;
import dev.aisle.engine.rag.analysis.WishPhrases;
import dev.aisle.engine.rag.index.RetrievalIndex;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.eval.RankingMetrics;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.rag.route.SourceWeights;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why Exact products miss the top 20: per TRAIN judged query (never held-out ones), the analysis, the
 * recall of the default hybrid ranking and where the Exact products went (not ranked at all, ranked
 * below 20, the top 20 taken by Substitutes of the right shelf or by other shelves). One JSON object
 * per query, for reading with jq; a summary on stderr.
 *
 * <pre>java … dev.aisle.engine.rag.RetrievalDiagnosis OUT.jsonl [--split TRAIN|HELD_OUT] [--wish-boost B] [--half | --other-half]</pre>
 * HELD_OUT is for reporting only: nothing may be tuned on it. {@code --half} learns the wish phrases from
 * the even-numbered TRAIN queries only and diagnoses the odd-numbered ones, so that a design choice can
 * be judged on TRAIN queries the learners (categories and wishes) have not seen; {@code --other-half} swaps the halves.
 */
public final class RetrievalDiagnosis {

    /**
     * One query's diagnosis; {@code exactRanks} are 1-based ranks of Exact products (0: not ranked);
     * {@code shopperCategories} the categories only learned phrases named (with their training support), {@code filters}
     * the hard filters the ranking applied (a shelf vote that overruled a category shows there).
     */
    public record Row(String id, String query, String searchText, List<String> categories, Map<String, Integer> shopperCategories,
                      Map<String, String> attributes, List<String> wishes, List<String> brands, String leaf, boolean leafInFilter,
                      int shelf, int exact, int exactTop20, double recall20, int substituteTop20, int otherShelfTop20,
                      int exactUnranked, List<Integer> exactRanks, List<String> filters) {
    }

    private RetrievalDiagnosis() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: RetrievalDiagnosis OUT.jsonl [--split TRAIN|HELD_OUT]");
        }
        Path out = Path.of(args[0]);
        Split split = Split.TRAIN;
        double wishBoost = RagPipeline.DEFAULT_WISH_BOOST;
        boolean half = false;
        boolean otherHalf = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> split = Split.valueOf(args[++i]);
                case "--wish-boost" -> wishBoost = Double.parseDouble(args[++i]);
                case "--half" -> half = true;
                case "--other-half" -> {
                    half = true;
                    otherHalf = true;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        AisleHome home = AisleHome.fromEnvironment();
        Corpus corpus = CorpusStore.loadOrGenerate(home.corpusDir(), CorpusGenerator.DEFAULT_SEED);
        List<JudgedQuery> train = corpus.judgedQueries().stream().filter(q -> q.split() == Split.TRAIN).toList();
        List<JudgedQuery> learnFrom = new ArrayList<>();
        List<JudgedQuery> diagnose = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            (half && i % 2 == (otherHalf ? 0 : 1) ? diagnose : learnFrom).add(train.get(i));
        }
        if (!half) {
            final Split s = split;
            diagnose = corpus.judgedQueries().stream().filter(q -> q.split() == s).toList();
        }
        // Categories as well as wishes from the learning queries only: odd TRAIN queries then stand where held-out ones do.
        CatalogueLexicon lexicon = LearnedLexicon.learn(half ? learnFrom : corpus.judgedQueries(), corpus.products());
        WishPhrases wishPhrases = lexicon.wishPhrases();
        Map<String, String> learnedCategories = lexicon.learnedCategories();
        QuestionAnalyzer analyzer = new QuestionAnalyzer(lexicon);
        System.err.printf(java.util.Locale.ROOT, "%d wish phrases learned from %d TRAIN queries; diagnosing %d queries%n",
                wishPhrases.size(), learnFrom.size(), diagnose.size());
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(out + ".phrases.txt"), StandardCharsets.UTF_8))) {
            wishPhrases.phrases().forEach((k, m) -> pw.println(k + "\t" + m.support() + "\t" + m.byLeaf()));
        }
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(out + ".categories.txt"), StandardCharsets.UTF_8))) {
            new java.util.TreeMap<>(learnedCategories).forEach((k, c) -> pw.println(k + "\t" + c));
        }
        Map<String, Product> byId = corpus.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Map<String, Integer> shelfSize = new HashMap<>();
        corpus.products().forEach(p -> shelfSize.merge(p.category(), 1, Integer::sum));
        ObjectMapper json = new ObjectMapper();
        double recall = 0;
        double ndcg = 0;
        int n = 0;
        try (RagPipeline pipeline = RagPipeline.open(home, corpus, List.of(), System.err);
             RetrievalIndex index = RetrievalIndex.open(home.indexDir());
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            RagPipeline.Config config = RagPipeline.Config.defaults();
            HybridRetriever retriever = RagPipeline.retriever(index, lexicon, config.withWishBoost(wishBoost));
            for (JudgedQuery q : diagnose) {
                QuestionAnalysis a = analyzer.analyze(q.query(), ConversationContext.empty());
                float[] v = pipeline.embedder().embed(a.searchText());
                HybridRetriever.Result r = retriever.search(a, v, HybridRetriever.Mode.HYBRID,
                        SourceWeights.forIntent(a.intent()).docTypes(), 20, 0);
                List<String> ranked = r.products().stream().map(ProductHit::productId).toList();
                Map<String, Integer> grades = new HashMap<>();
                Map<String, Integer> leaves = new HashMap<>();
                for (Judgment j : q.judgments()) {
                    grades.put(j.productId(), j.label().grade());
                    if (j.label() == Relevance.EXACT && byId.containsKey(j.productId())) {
                        leaves.merge(byId.get(j.productId()).category(), 1, Integer::sum);
                    }
                }
                String leaf = leaves.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
                List<Integer> exactRanks = new ArrayList<>();
                int exactTop = 0;
                int subTop = 0;
                int otherTop = 0;
                for (int i = 0; i < Math.min(20, ranked.size()); i++) {
                    Product p = byId.get(ranked.get(i));
                    int g = grades.getOrDefault(ranked.get(i), 0);
                    exactTop += g == 2 ? 1 : 0;
                    subTop += g == 1 && p != null && p.category().equals(leaf) ? 1 : 0;
                    otherTop += p == null || !p.category().equals(leaf) ? 1 : 0;
                }
                int unranked = 0;
                for (Judgment j : q.judgments()) {
                    if (j.label() == Relevance.EXACT) {
                        int at = ranked.indexOf(j.productId());
                        exactRanks.add(at + 1);
                        unranked += at < 0 ? 1 : 0;
                    }
                }
                exactRanks.sort(Integer::compare);
                double rec = RankingMetrics.cappedRecall(ranked, grades, 20, 2);
                recall += rec;
                ndcg += RankingMetrics.linearNdcg(ranked, grades, 10);
                n++;
                Row row = new Row(q.id(), q.query(), a.searchText(), a.constraints().categories(), a.shopperCategories(),
                        a.constraints().attributes(), a.wishes().stream().map(Object::toString).toList(), a.constraints().brands(), leaf,
                        a.constraints().categories().contains(leaf), shelfSize.getOrDefault(leaf, 0), exactRanks.size(), exactTop, rec,
                        subTop, otherTop, unranked, exactRanks, r.filterClauses());
                w.println(json.writeValueAsString(row));
            }
        }
        System.err.printf(java.util.Locale.ROOT, "%d queries (%s), wish boost %.2f: mean recall@20 (Exact, capped) %.4f, nDCG@10 %.4f; rows in %s%n",
                n, !half ? split.name() : otherHalf ? "even TRAIN, learned from odd TRAIN" : "odd TRAIN, learned from even TRAIN", wishBoost, recall / Math.max(1, n), ndcg / Math.max(1, n), out);
    }
}
