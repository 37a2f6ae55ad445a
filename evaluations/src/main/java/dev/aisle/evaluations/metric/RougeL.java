package dev.aisle.evaluations.metric;

import java.util.List;

/**
 * ROUGE-L F-measure (β = 1) over {@link Words#tokens word tokens}: with LCS the length of the
 * longest common subsequence of candidate and reference tokens, P = LCS / |candidate|,
 * R = LCS / |reference|, F = 2PR / (P + R), and 0 when LCS is 0.
 */
public final class RougeL {

    private RougeL() {
    }

    public static double f1(String candidate, String reference) {
        return f1(Words.tokens(candidate), Words.tokens(reference));
    }

    public static double f1(List<String> cand, List<String> ref) {
        int lcs = lcs(cand, ref);
        if (lcs == 0) {
            return 0;
        }
        double p = (double) lcs / cand.size();
        double r = (double) lcs / ref.size();
        return 2 * p * r / (p + r);
    }

    /** Classic dynamic programme, two rows: O(|a|·|b|) time, O(|b|) memory. */
    static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
