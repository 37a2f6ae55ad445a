package dev.aisle.engine.rag.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Deduplicates, diversifies (maximal marginal relevance) and numbers evidence within a token budget.
 * Relevance comes from the caller; similarity between items is word-set Jaccard, plus a share for
 * being about the same product, so a packed list covers several products and several kinds of text.
 */
public final class EvidencePacker {

    /** Near-duplicate threshold on word-set Jaccard. */
    static final double DUPLICATE_JACCARD = 0.8;
    private static final double SAME_PRODUCT_SIMILARITY = 0.3;

    private final ToIntFunction<String> tokens;
    private final int budget;
    private final int maxItemTokens;
    private final int maxItems;
    private final double lambda;

    /**
     * @param tokens        token counter of the model that will read the prompt
     * @param budget        tokens for all evidence lines together
     * @param maxItemTokens longer texts are cut at a word boundary
     * @param maxItems      most items to pack
     * @param lambda        MMR trade-off: 1 = relevance only, 0 = diversity only
     */
    public EvidencePacker(ToIntFunction<String> tokens, int budget, int maxItemTokens, int maxItems, double lambda) {
        if (budget <= 0) {
            throw new IllegalArgumentException("evidence token budget must be > 0, got " + budget);
        }
        if (maxItemTokens <= 0 || maxItemTokens > budget) {
            throw new IllegalArgumentException("maxItemTokens must be in 1.." + budget + ", got " + maxItemTokens);
        }
        if (maxItems <= 0) {
            throw new IllegalArgumentException("maxItems must be > 0, got " + maxItems);
        }
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("MMR lambda must be in [0,1], got " + lambda);
        }
        this.tokens = tokens;
        this.budget = budget;
        this.maxItemTokens = maxItemTokens;
        this.maxItems = maxItems;
        this.lambda = lambda;
    }

    /** 600 tokens, items up to 90 tokens, at most 12 items, λ = 0.7, approximate counter. */
    public static EvidencePacker defaults() {
        return new EvidencePacker(TokenCounters.approximate(), 600, 90, 12, 0.7);
    }

    public PackedEvidence pack(List<EvidenceCandidate> candidates) {
        List<Prepared> pool = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        int duplicates = 0;
        double maxRelevance = 1e-9;
        for (EvidenceCandidate c : candidates) {
            String text = UntrustedText.neutralise(c.text());
            if (text.isEmpty()) {
                continue;
            }
            Set<String> words = words(text);
            String key = String.join(" ", new java.util.TreeSet<>(words));
            if (!exact.add(key) || pool.stream().anyMatch(p -> jaccard(p.words, words) >= DUPLICATE_JACCARD)) {
                duplicates++;
                continue;
            }
            pool.add(new Prepared(c, text, words));
            maxRelevance = Math.max(maxRelevance, c.relevance());
        }
        List<PackedEvidence.Item> packed = new ArrayList<>();
        List<Prepared> chosen = new ArrayList<>();
        int used = 0;
        while (!pool.isEmpty() && packed.size() < maxItems) {
            Prepared best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Prepared p : pool) {
                double redundancy = 0;
                for (Prepared s : chosen) {
                    redundancy = Math.max(redundancy, similarity(p, s));
                }
                double score = lambda * (p.candidate.relevance() / maxRelevance) - (1 - lambda) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = p;
                }
            }
            pool.remove(best);
            String label = "E" + (packed.size() + 1);
            String text = best.text;
            boolean truncated = false;
            if (tokens.applyAsInt(text) > maxItemTokens) {
                text = shorten(text, maxItemTokens);
                truncated = true;
            }
            int cost = tokens.applyAsInt(render(label, best.candidate, text));
            if (used + cost > budget) {
                // Too big for what is left; a smaller item later in MMR order may still fit.
                continue;
            }
            used += cost;
            chosen.add(best);
            packed.add(new PackedEvidence.Item(label, best.candidate, text, cost, bestScore, truncated));
        }
        int leftOut = candidates.size() - duplicates - packed.size();
        return new PackedEvidence(packed, used, budget, candidates.size(), duplicates, Math.max(0, leftOut));
    }

    /** The line as {@code PromptLayout} renders it, plus its newline, so counts add up to the prompt's. */
    static String render(String label, EvidenceCandidate c, String text) {
        return label + " [" + c.source() + (c.productId().isEmpty() ? "" : " " + c.productId()) + "] " + text + "\n";
    }

    private String shorten(String text, int maxTokens) {
        String cut = text;
        while (tokens.applyAsInt(cut + "…") > maxTokens && cut.length() > 1) {
            int target = Math.max(1, (int) (cut.length() * 0.9 * maxTokens / tokens.applyAsInt(cut)));
            int space = cut.lastIndexOf(' ', Math.min(target, cut.length() - 1));
            cut = cut.substring(0, space > target / 2 ? space : Math.min(target, cut.length() - 1)).strip();
        }
        return cut + "…";
    }

    private static double similarity(Prepared a, Prepared b) {
        double same = !a.candidate.productId().isEmpty() && a.candidate.productId().equals(b.candidate.productId())
                ? SAME_PRODUCT_SIMILARITY : 0;
        return (1 - SAME_PRODUCT_SIMILARITY) * jaccard(a.words, b.words) + same;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private record Prepared(EvidenceCandidate candidate, String text, Set<String> words) {
    }
}
