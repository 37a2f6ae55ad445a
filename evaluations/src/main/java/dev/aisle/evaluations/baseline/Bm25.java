package dev.aisle.evaluations.baseline;

import dev.aisle.evaluations.metric.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over a fixed set of documents: score(q, d) = Σ_{t ∈ q} idf(t) · tf(t,d)·(k1+1) /
 * (tf(t,d) + k1·(1 − b + b·|d|/avgdl)), with idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)).
 * Terms are content words ({@link Words#contentTokens}) with a trailing plural "s" removed.
 */
public final class Bm25 {

    public static final double K1 = 1.2;
    public static final double B = 0.75;

    private final List<String> ids = new ArrayList<>();
    private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> docFreq = new HashMap<>();
    private double avgLength;

    /** Adds a document; call {@link #seal()} after the last one. */
    public void add(String id, String text) {
        Map<String, Integer> tf = new HashMap<>();
        List<String> terms = terms(text);
        terms.forEach(t -> tf.merge(t, 1, Integer::sum));
        tf.keySet().forEach(t -> docFreq.merge(t, 1, Integer::sum));
        ids.add(id);
        termFreqs.add(tf);
        lengths.add(terms.size());
    }

    public Bm25 seal() {
        avgLength = lengths.stream().mapToInt(Integer::intValue).average().orElse(1);
        if (avgLength == 0) {
            avgLength = 1;
        }
        return this;
    }

    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String t : Words.contentTokens(text)) {
            out.add(t.length() > 3 && t.endsWith("s") && !t.endsWith("ss") ? t.substring(0, t.length() - 1) : t);
        }
        return out;
    }

    public double idf(String term) {
        int df = docFreq.getOrDefault(term, 0);
        return Math.log(1 + (ids.size() - df + 0.5) / (df + 0.5));
    }

    public double score(List<String> queryTerms, int doc) {
        Map<String, Integer> tf = termFreqs.get(doc);
        double norm = K1 * (1 - B + B * lengths.get(doc) / avgLength);
        double s = 0;
        for (String t : queryTerms) {
            int f = tf.getOrDefault(t, 0);
            if (f > 0) {
                s += idf(t) * f * (K1 + 1) / (f + norm);
            }
        }
        return s;
    }

    /** Ids of the {@code k} best documents for the query, best first; ties keep insertion order. */
    public List<String> rank(String query, int k) {
        List<String> q = terms(query);
        List<double[]> scored = new ArrayList<>();
        for (int d = 0; d < ids.size(); d++) {
            scored.add(new double[]{score(q, d), d});
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, scored.size()); i++) {
            out.add(ids.get((int) scored.get(i)[1]));
        }
        return out;
    }

    public int size() {
        return ids.size();
    }
}
