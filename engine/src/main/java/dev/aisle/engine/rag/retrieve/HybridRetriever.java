package dev.aisle.engine.rag.retrieve;

import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.IndexSchema;
import dev.aisle.engine.rag.index.RetrievalIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the keyword and dense lists under one filter, fuses them, weights document types, rolls hits
 * up to products, and explains the top hits. A category guessed from a shopper phrase may first be
 * overruled by the {@link ShelfVote} of the nearest product pages (its time counts as dense search time).
 * Thread-safe.
 */
public final class HybridRetriever {

    /** Which lists take part: the benchmark compares all three. */
    public enum Mode { BM25, DENSE, HYBRID }

    /** Share of a product's second-best document added to its best one when rolling hits up (see {@link #products(List)}). */
    static final double SECOND_DOC_SHARE = 0.3;
    /** Share of a product's best review or Q&amp;A hit added to its own page's score. */
    static final double OTHER_DOCS_SHARE = 0.5;
    /** Product pages ranked by keywords: deep enough to rank every product that passes the filters. */
    static final int PRODUCT_DEPTH = 1000;
    /** Product pages ranked by vector. */
    static final int PRODUCT_DENSE_DEPTH = 300;
    /** Products whose shelves vote in {@link #shelfConsensus}. */
    static final int CONSENSUS_TOP = 10;
    /** Votes the leading shelf needs among them. */
    static final int CONSENSUS_VOTES = 5;

    /**
     * A ranked result with the timings and list sizes the trace reports.
     *
     * @param filterClauses the hard filters applied, readable
     */
    public record Result(List<Hit> hits, List<ProductHit> products, List<String> filterClauses, int bm25Count,
                         int denseCount, long bm25Micros, long denseMicros, long fuseMicros, String fusion) {
        public Result {
            hits = List.copyOf(hits);
            products = List.copyOf(products);
            filterClauses = List.copyOf(filterClauses);
        }
    }

    private final RetrievalIndex index;
    private final Bm25Ranker bm25 = new Bm25Ranker(IndexBuilder.analyzer(), IndexSchema.BOOSTS);
    private final DenseRanker dense = new DenseRanker();
    private final Fusion fusion;
    private final int depth;
    private final double shelfBoost;
    private final WishBoost wishes;
    private final Optional<ShelfVote> shelfVote;

    /** @param depth how many documents each list returns before fusion */
    public HybridRetriever(RetrievalIndex index, Fusion fusion, int depth) {
        this(index, fusion, depth, 0);
    }

    /**
     * @param shelfBoost when the question names no category, products of the shelf that most of the
     *                   top {@value #CONSENSUS_TOP} products come from get their score multiplied by
     *                   1 + shelfBoost (0: off); see {@link #shelfConsensus}
     */
    public HybridRetriever(RetrievalIndex index, Fusion fusion, int depth, double shelfBoost) {
        this(index, fusion, depth, shelfBoost, null);
    }

    /** @param wishes moves products meeting the question's attribute wishes up (null: off); see {@link WishBoost} */
    public HybridRetriever(RetrievalIndex index, Fusion fusion, int depth, double shelfBoost, WishBoost wishes) {
        this(index, fusion, depth, shelfBoost, wishes, Optional.empty());
    }

    /**
     * @param shelfVote lets the nearest product pages overrule a guessed category (empty: off); it needs the
     *                  question's vector, so {@link Mode#BM25} never votes. See {@link ShelfVote}
     */
    public HybridRetriever(RetrievalIndex index, Fusion fusion, int depth, double shelfBoost, WishBoost wishes,
                           Optional<ShelfVote> shelfVote) {
        if (depth <= 0) {
            throw new IllegalArgumentException("retrieval depth must be > 0, got " + depth);
        }
        if (!(shelfBoost >= 0)) {
            throw new IllegalArgumentException("shelf boost must be >= 0, got " + shelfBoost);
        }
        this.index = index;
        this.fusion = fusion;
        this.depth = depth;
        this.shelfBoost = shelfBoost;
        this.wishes = wishes;
        this.shelfVote = shelfVote;
    }

    public double shelfBoost() {
        return shelfBoost;
    }

    public Fusion fusion() {
        return fusion;
    }

    /**
     * @param queryVector the question's embedding; ignored in {@link Mode#BM25}
     * @param typeWeights multiplier per document type (the router's weights); missing types count 1
     * @param limit       hits returned
     * @param explainTop  how many of the top hits get Lucene's per-field, per-term BM25 breakdown (it costs
     *                    time); the others still explain their scores, ranks and fusion
     */
    public Result search(QuestionAnalysis analysis, float[] queryVector, Mode mode,
                         Map<IndexSchema.DocType, Double> typeWeights, int limit, int explainTop) {
        IndexSearcher searcher = index.searcher();
        long v0 = System.nanoTime();
        Optional<ShelfVote.Decision> vote = Optional.empty();
        if (mode != Mode.BM25 && shelfVote.isPresent() && shelfVote.get().applies(analysis)) {
            ShelfVote voting = shelfVote.get();
            vote = voting.decide(analysis, nearestProducts(searcher, analysis, queryVector, voting.rule().top()));
            analysis = vote.isPresent() ? voting.revise(analysis, vote.get()) : analysis;
        }
        long voteNanos = System.nanoTime() - v0;
        ConstraintFilter.Filter filter = ConstraintFilter.of(analysis);
        Optional<Query> scoring = bm25.query(analysis.searchText());

        long t0 = System.nanoTime();
        List<Fusion.Ranked> keyword = mode != Mode.DENSE && scoring.isPresent()
                ? bm25.search(searcher, scoring.get(), filter.query(), depth) : List.of();
        Optional<Query> productsOnly = Optional.of(productFilter(filter.query()));
        List<Fusion.Ranked> productKeyword = mode != Mode.DENSE && scoring.isPresent()
                ? bm25.search(searcher, scoring.get(), productsOnly, PRODUCT_DEPTH) : List.of();
        long t1 = System.nanoTime();
        List<Fusion.Ranked> vector = mode != Mode.BM25
                ? dense.search(searcher, queryVector, filter.query(), depth) : List.of();
        List<Fusion.Ranked> productVector = mode != Mode.BM25
                ? dense.search(searcher, queryVector, productsOnly, PRODUCT_DENSE_DEPTH) : List.of();
        long t2 = System.nanoTime();

        Fused docs = fuse(keyword, vector, typeWeights);
        java.util.function.IntFunction<String> explainer = explainTop > 0 && scoring.isPresent()
                ? Bm25Ranker.explainer(searcher, scoring.get()) : d -> "";
        List<Hit> hits = new ArrayList<>(Math.min(limit, docs.order.size()));
        for (int i = 0; i < docs.order.size() && hits.size() < limit; i++) {
            int doc = docs.order.get(i);
            int[] r = docs.ranks.get(doc);
            double[] s = docs.scores.get(doc);
            RetrievalIndex.StoredDoc stored = index.stored(doc);
            double w = typeWeights.getOrDefault(stored.type(), 1.0);
            // Every hit says how each score came about; the per-field, per-term BM25 breakdown from
            // Lucene's Explanation is the costly part and is done for the top hits only.
            String keywordWhy = r[0] == 0 ? "bm25: not in keyword list"
                    : i < explainTop ? explainer.apply(doc) + " (rank " + r[0] + ")"
                    : String.format(Locale.ROOT, "bm25 %.3f (rank %d)", s[0], r[0]);
            String denseWhy = r[1] > 0
                    ? String.format(Locale.ROOT, "dense cos %.3f (rank %d)", s[1], r[1]) : "dense: not in nearest neighbours";
            String explanation = keywordWhy + "; " + denseWhy + "; " + fusion.explain(keyword, vector, r[0], r[1], s[0], s[1])
                    + String.format(Locale.ROOT, " × %s weight %.2f", stored.type().source(), w);
            hits.add(new Hit(stored.id(), stored.type().source(), stored.productId(), s[0], r[0], s[1], r[1],
                    docs.fused.get(doc), explanation, stored.body()));
        }
        Fused productDocs = fuse(productKeyword, productVector, Map.of());
        List<ProductHit> products = products(productDocs, docs);
        if (wishes != null) {
            products = wishes.apply(products, analysis);
        }
        if (shelfBoost > 0 && analysis.constraints().categories().isEmpty() && analysis.referencedProductIds().isEmpty()) {
            products = shelfConsensus(products, index::shelfOfProduct, shelfBoost);
        }
        long t3 = System.nanoTime();
        List<String> clauses = new ArrayList<>(filter.clauses());
        vote.ifPresent(d -> clauses.add(d.clause()));
        return new Result(hits, products, clauses, keyword.size(), vector.size(),
                (t1 - t0) / 1000, (t2 - t1 + voteNanos) / 1000, (t3 - t2) / 1000, fusion.name());
    }

    /** Ranks and raw scores of each document in the two lists, and its fused (weighted) score, best first. */
    private record Fused(Map<Integer, int[]> ranks, Map<Integer, double[]> scores, Map<Integer, Double> fused,
                         List<Integer> order) {
    }

    private Fused fuse(List<Fusion.Ranked> keyword, List<Fusion.Ranked> vector, Map<IndexSchema.DocType, Double> typeWeights) {
        Map<Integer, int[]> ranks = new HashMap<>();
        Map<Integer, double[]> scores = new HashMap<>();
        for (int i = 0; i < keyword.size(); i++) {
            ranks.computeIfAbsent(keyword.get(i).doc(), d -> new int[2])[0] = i + 1;
            scores.computeIfAbsent(keyword.get(i).doc(), d -> new double[2])[0] = keyword.get(i).score();
        }
        for (int i = 0; i < vector.size(); i++) {
            ranks.computeIfAbsent(vector.get(i).doc(), d -> new int[2])[1] = i + 1;
            scores.computeIfAbsent(vector.get(i).doc(), d -> new double[2])[1] = vector.get(i).score();
        }
        Map<Integer, Double> fused = new HashMap<>();
        for (Map.Entry<Integer, int[]> e : ranks.entrySet()) {
            int[] r = e.getValue();
            double[] s = scores.get(e.getKey());
            double w = typeWeights.getOrDefault(index.typeOf(e.getKey()), 1.0);
            fused.put(e.getKey(), w * fusion.score(keyword, vector, r[0], r[1], s[0], s[1]));
        }
        List<Integer> order = new ArrayList<>(fused.keySet());
        order.sort(Comparator.comparingDouble((Integer d) -> -fused.get(d)).thenComparingInt(d -> d));
        return new Fused(ranks, scores, fused, order);
    }

    /** Product pages nearest to the question under its filters but the category's: the shelf vote's voters. */
    private List<String> nearestProducts(IndexSearcher searcher, QuestionAnalysis analysis, float[] queryVector, int top) {
        QuestionAnalysis anyShelf = analysis.withCategories(List.of(), analysis.wishes());
        Query filter = productFilter(ConstraintFilter.of(anyShelf).query());
        List<String> out = new ArrayList<>(top);
        for (Fusion.Ranked r : dense.search(searcher, queryVector, Optional.of(filter), top)) {
            out.add(index.productOf(r.doc()));
        }
        return out;
    }

    private static Query productFilter(Optional<Query> filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.TYPE, IndexSchema.DocType.PRODUCT.source())), BooleanClause.Occur.FILTER);
        filter.ifPresent(f -> b.add(f, BooleanClause.Occur.FILTER));
        return b.build();
    }

    /**
     * Products ranked by their own page's fused score (from deep product-only lists, so that every
     * product passing the filters can be ranked), plus a share of their best review or Q&amp;A hit.
     */
    private List<ProductHit> products(Fused productDocs, Fused docs) {
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, String> bestDoc = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int doc : productDocs.order) {
            String p = index.productOf(doc);
            score.computeIfAbsent(p, k -> new double[2])[0] = productDocs.fused.get(doc);
            bestDoc.put(p, "product:" + p);
            count.merge(p, 1, Integer::sum);
        }
        for (int doc : docs.order) {
            String p = index.productOf(doc);
            if (p.isEmpty() || index.typeOf(doc) == IndexSchema.DocType.PRODUCT) {
                continue;
            }
            double[] s = score.computeIfAbsent(p, k -> new double[2]);
            if (docs.fused.get(doc) > s[1]) {
                s[1] = docs.fused.get(doc);
                // Reading stored fields is the costly part of ranking; only products without a page hit need it.
                bestDoc.computeIfAbsent(p, k -> index.stored(doc).id());
            }
            count.merge(p, 1, Integer::sum);
        }
        List<ProductHit> out = new ArrayList<>(score.size());
        score.forEach((p, s) -> out.add(new ProductHit(p, s[0] + OTHER_DOCS_SHARE * s[1], bestDoc.get(p), count.get(p))));
        out.sort(Comparator.comparingDouble(ProductHit::score).reversed().thenComparing(ProductHit::productId));
        return out;
    }

    /**
     * A question that names no category ("something to keep my hands warm on the course") is matched
     * by products of several shelves; when most of the top products come from one shelf, that shelf is
     * what the shopper means (pseudo-relevance feedback on the category), so its products move up.
     */
    static List<ProductHit> shelfConsensus(List<ProductHit> ranked, java.util.function.Function<String, String> shelfOf,
                                           double shelfBoost) {
        Map<String, Integer> votes = new HashMap<>();
        for (ProductHit p : ranked.subList(0, Math.min(CONSENSUS_TOP, ranked.size()))) {
            String shelf = shelfOf.apply(p.productId());
            if (!shelf.isEmpty()) {
                votes.merge(shelf, 1, Integer::sum);
            }
        }
        Optional<Map.Entry<String, Integer>> lead = votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        if (lead.isEmpty() || lead.get().getValue() < CONSENSUS_VOTES) {
            return ranked;
        }
        String shelf = lead.get().getKey();
        List<ProductHit> out = new ArrayList<>(ranked.size());
        for (ProductHit p : ranked) {
            out.add(shelf.equals(shelfOf.apply(p.productId()))
                    ? new ProductHit(p.productId(), p.score() * (1 + shelfBoost), p.bestDocId(), p.documents()) : p);
        }
        out.sort(Comparator.comparingDouble(ProductHit::score).reversed().thenComparing(ProductHit::productId));
        return out;
    }

    /** Products by their best document plus a share of their second best, so breadth of evidence counts a little. */
    static List<ProductHit> products(List<Hit> rankedHits) {
        Map<String, double[]> best = new LinkedHashMap<>();
        Map<String, String> bestDoc = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (Hit h : rankedHits) {
            if (h.productId().isEmpty()) {
                continue;
            }
            double[] b = best.computeIfAbsent(h.productId(), p -> new double[2]);
            if (h.fused() > b[0]) {
                b[1] = b[0];
                b[0] = h.fused();
                bestDoc.put(h.productId(), h.docId());
            } else if (h.fused() > b[1]) {
                b[1] = h.fused();
            }
            count.merge(h.productId(), 1, Integer::sum);
        }
        List<ProductHit> out = new ArrayList<>();
        best.forEach((p, b) -> out.add(new ProductHit(p, b[0] + SECOND_DOC_SHARE * b[1], bestDoc.get(p), count.get(p))));
        out.sort(Comparator.comparingDouble(ProductHit::score).reversed());
        return out;
    }
}
