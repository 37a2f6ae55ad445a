package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Learns how shoppers name categories from judged training queries: "golf mittens" is judged with
 * Exact products in Winter Golf Gloves, "off road running shoes" with Trail Running Shoes. Every
 * word sequence of a training query (prices, ages and brands removed) votes for the leaf category of
 * the query's Exact products; a phrase seen at least {@link #MIN_SUPPORT} times and pointing at one
 * leaf in at least {@link #MIN_PURITY} of them becomes a category name of that leaf. Only the TRAIN
 * split is read, so held-out evaluation stays honest.
 */
public final class CategoryPhraseLearner {

    static final int MIN_SUPPORT = 2;
    static final double MIN_PURITY = 0.9;
    private static final int MAX_WORDS = 4;
    private static final Pattern NOISE = Pattern.compile(
            "\\$?\\d+(?:\\.\\d+)?|\\b(?:under|below|less|than|over|above|for|a|an|the|age|ages|year|years|yr|old|yo|with|and|in)\\b");
    private static final Set<String> STOP = Set.of("under", "below", "less", "than", "for", "a", "age", "year", "yr", "old", "with");

    private CategoryPhraseLearner() {
    }

    /**
     * The learned phrases and, for each, how many training queries it was seen in: a phrase learned from
     * {@value #MIN_SUPPORT} queries is a guess ("stand" from two dumbbell queries), one seen in ten is the
     * shoppers' word for the shelf.
     */
    public record Learned(Map<String, String> categories, Map<String, Integer> support) {
    }

    public static Map<String, String> learn(List<JudgedQuery> queries, List<Product> products) {
        return learnWithSupport(queries, products).categories();
    }

    public static Learned learnWithSupport(List<JudgedQuery> queries, List<Product> products) {
        Map<String, String> learned = new TreeMap<>();
        Map<String, Integer> support = new TreeMap<>();
        votes(queries, products).forEach((phrase, byLeaf) -> {
            int total = total(byLeaf);
            Map.Entry<String, Integer> top = byLeaf.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (total >= MIN_SUPPORT && top.getValue() >= MIN_PURITY * total) {
                learned.put(phrase, top.getKey());
                support.put(phrase, total);
            }
        });
        return new Learned(learned, support);
    }

    private static int total(Map<String, Integer> byLeaf) {
        return byLeaf.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** For every phrase of the TRAIN queries, how many of them had their Exact products on each leaf. */
    private static Map<String, Map<String, Integer>> votes(List<JudgedQuery> queries, List<Product> products) {
        Map<String, String> leafOf = new HashMap<>();
        Map<String, Integer> brandKeys = new HashMap<>();
        for (Product p : products) {
            leafOf.put(p.id(), p.category());
            brandKeys.put(Words.key(p.brand()), 1);
        }
        Map<String, Map<String, Integer>> votes = new TreeMap<>();
        for (JudgedQuery q : queries) {
            if (q.split() != Split.TRAIN) {
                continue;
            }
            Map<String, Integer> leaves = new HashMap<>();
            for (Judgment j : q.judgments()) {
                if (j.label() == Relevance.EXACT && leafOf.containsKey(j.productId())) {
                    leaves.merge(leafOf.get(j.productId()), 1, Integer::sum);
                }
            }
            String leaf = leaves.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (leaf == null) {
                continue;
            }
            String text = Words.normalise(q.query());
            for (String brand : brandKeys.keySet()) {
                text = text.replace(brand, " ");
            }
            text = NOISE.matcher(text).replaceAll(" ");
            List<String> tokens = Words.tokens(text).stream().map(Words::singular).filter(t -> !STOP.contains(t)).toList();
            for (int n = 1; n <= MAX_WORDS; n++) {
                for (int i = 0; i + n <= tokens.size(); i++) {
                    String phrase = String.join(" ", tokens.subList(i, i + n));
                    votes.computeIfAbsent(phrase, k -> new HashMap<>()).merge(leaf, 1, Integer::sum);
                }
            }
        }
        return votes;
    }
}
