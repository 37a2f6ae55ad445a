package dev.aisle.engine.rag.retrieve;

import dev.aisle.engine.rag.index.IndexSchema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keyword ranking: each query term is looked up in every text field with that field's boost, the
 * best field counting fully and the others by a tie-breaker (a disjunction-max per term, summed over
 * terms) so that a word in both title and bullets helps, but less than two different words.
 */
public final class Bm25Ranker {

    static final float TIE_BREAKER = 0.3f;
    private final Analyzer analyzer;
    private final Map<String, Float> boosts;

    public Bm25Ranker(Analyzer analyzer, Map<String, Float> boosts) {
        this.analyzer = analyzer;
        this.boosts = Map.copyOf(boosts);
    }

    /** The scoring query for a text, or empty when no searchable term remains after analysis. */
    public Optional<Query> query(String text) {
        Set<String> terms = terms(text);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            List<Query> perField = new ArrayList<>();
            boosts.forEach((field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, t)), boost)));
            b.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        return Optional.of(b.build());
    }

    public List<Fusion.Ranked> search(IndexSearcher searcher, Query scoring, Optional<Query> filter, int depth) {
        try {
            ScoreDoc[] docs = searcher.search(withFilter(scoring, filter), depth).scoreDocs;
            List<Fusion.Ranked> out = new ArrayList<>(docs.length);
            for (ScoreDoc d : docs) {
                out.add(new Fusion.Ranked(d.doc, d.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("BM25 search failed", e);
        }
    }

    static Query withFilter(Query scoring, Optional<Query> filter) {
        if (filter.isEmpty()) {
            return scoring;
        }
        return new BooleanQuery.Builder().add(scoring, BooleanClause.Occur.MUST)
                .add(filter.get(), BooleanClause.Occur.FILTER).build();
    }

    /** "bm25 7.412: title:trail 3.10, category:trail 2.71, text:shoe 0.93 (per term best field + 0.3 × others)". */
    public static String explain(IndexSearcher searcher, Query scoring, int doc) {
        return explainer(searcher, scoring).apply(doc);
    }

    /**
     * Explains many documents of one query: the query's weight (term statistics of every field) is
     * built once instead of once per document, which is most of what an explanation costs.
     */
    public static java.util.function.IntFunction<String> explainer(IndexSearcher searcher, Query scoring) {
        try {
            org.apache.lucene.search.Weight weight = searcher.createWeight(searcher.rewrite(scoring),
                    org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
            List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            return doc -> {
                org.apache.lucene.index.LeafReaderContext leaf = leaves.get(
                        org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                try {
                    return summarise(weight.explain(leaf, doc - leaf.docBase));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot explain document " + doc, e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the explanation of " + scoring, e);
        }
    }

    private static String summarise(Explanation e) {
        {
            if (!e.isMatch()) {
                return "bm25 0 (no query term in any field)";
            }
            List<Explanation> weights = new ArrayList<>();
            collect(e, weights);
            weights.sort(Comparator.comparingDouble((Explanation x) -> x.getValue().doubleValue()).reversed());
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "bm25 %.3f:", e.getValue().doubleValue()));
            int shown = 0;
            for (Explanation w : weights) {
                if (shown++ == 6) {
                    sb.append(" …");
                    break;
                }
                sb.append(String.format(Locale.ROOT, " %s %.2f,", fieldTerm(w.getDescription()), w.getValue().doubleValue()));
            }
            if (sb.charAt(sb.length() - 1) == ',') {
                sb.setLength(sb.length() - 1);
            }
            return sb.append(" (per term: best field + ").append(TIE_BREAKER).append(" × other fields)").toString();
        }
    }

    private static void collect(Explanation e, List<Explanation> out) {
        if (e.getDescription().startsWith("weight(")) {
            out.add(e);
            return;
        }
        for (Explanation d : e.getDetails()) {
            collect(d, out);
        }
    }

    /** "weight(title:trail in 42) [BM25Similarity], result of:" → "title:trail". */
    private static String fieldTerm(String description) {
        int open = description.indexOf('(');
        int in = description.indexOf(" in ", open);
        return open >= 0 && in > open ? description.substring(open + 1, in) : description;
    }

    private Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse query text", e);
        }
        return out;
    }
}
