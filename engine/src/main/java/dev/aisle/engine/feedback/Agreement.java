package dev.aisle.engine.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Chance-corrected agreement between annotators on nominal labels. */
public final class Agreement {

    private Agreement() {
    }

    /**
     * Cohen's kappa for two annotators who labelled the same items: {@code (po - pe) / (1 - pe)},
     * with {@code po} the observed agreement and {@code pe} the agreement expected from each
     * annotator's own label frequencies. NaN when undefined (no items, or both always give the same
     * single label, so that chance agreement is already 1).
     */
    public static <T> double cohensKappa(List<T> first, List<T> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("kappa needs one label from each annotator per item, got "
                    + first.size() + " and " + second.size());
        }
        int n = first.size();
        if (n == 0) {
            return Double.NaN;
        }
        Map<T, Integer> countsFirst = new HashMap<>();
        Map<T, Integer> countsSecond = new HashMap<>();
        int agree = 0;
        for (int k = 0; k < n; k++) {
            T a = Objects.requireNonNull(first.get(k), "label");
            T b = Objects.requireNonNull(second.get(k), "label");
            if (a.equals(b)) {
                agree++;
            }
            countsFirst.merge(a, 1, Integer::sum);
            countsSecond.merge(b, 1, Integer::sum);
        }
        double po = (double) agree / n;
        double pe = 0;
        for (Map.Entry<T, Integer> e : countsFirst.entrySet()) {
            pe += (double) e.getValue() / n * countsSecond.getOrDefault(e.getKey(), 0) / n;
        }
        return pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /**
     * Krippendorff's alpha for nominal labels, any number of annotators per item, items with fewer
     * than two labels ignored: {@code 1 - Do/De} from the coincidence matrix. NaN when undefined.
     */
    public static <T> double krippendorffAlpha(List<List<T>> items) {
        Map<T, Map<T, Double>> coincidence = new HashMap<>();
        for (List<T> labels : items) {
            int m = labels.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidence.computeIfAbsent(labels.get(i), k -> new HashMap<>())
                                .merge(labels.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        Map<T, Double> marginals = new HashMap<>();
        double n = 0;
        double disagreeObserved = 0;
        for (Map.Entry<T, Map<T, Double>> row : coincidence.entrySet()) {
            for (Map.Entry<T, Double> cell : row.getValue().entrySet()) {
                marginals.merge(row.getKey(), cell.getValue(), Double::sum);
                n += cell.getValue();
                if (!row.getKey().equals(cell.getKey())) {
                    disagreeObserved += cell.getValue();
                }
            }
        }
        if (n <= 1) {
            return Double.NaN;
        }
        double sumSquares = 0;
        for (double nc : marginals.values()) {
            sumSquares += nc * nc;
        }
        double disagreeExpected = (n * n - sumSquares) / (n - 1);
        if (disagreeExpected == 0) {
            return Double.NaN;
        }
        return 1 - disagreeObserved / disagreeExpected;
    }
}
