package dev.aisle.evaluations.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares configuration B with A on the same items: for every metric, the per-item differences
 * B − A over the items where both are defined, their mean, and a seeded bootstrap 95% interval
 * (items resampled with replacement, so item difficulty cancels out of the comparison).
 */
public final class PairedComparison {

    private PairedComparison() {
    }

    /**
     * @param a per item id, per metric name, the value for configuration A
     * @param b the same for configuration B
     * @param higherIsBetter per metric name
     */
    public static List<MetricDifference> compare(Map<String, Map<String, Double>> a, Map<String, Map<String, Double>> b,
                                                 Map<String, Boolean> higherIsBetter, Bootstrap bootstrap) {
        List<MetricDifference> out = new ArrayList<>();
        for (Map.Entry<String, Boolean> metric : higherIsBetter.entrySet()) {
            String m = metric.getKey();
            Set<String> items = new TreeSet<>(a.keySet());
            items.retainAll(b.keySet());
            List<double[]> pairs = new ArrayList<>();
            for (String item : items) {
                Double va = a.get(item).get(m);
                Double vb = b.get(item).get(m);
                if (va != null && vb != null) {
                    pairs.add(new double[]{va, vb});
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            double[] da = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] db = pairs.stream().mapToDouble(p -> p[1]).toArray();
            double[] diff = pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray();
            out.add(new MetricDifference(m, metric.getValue(), pairs.size(), Summary.mean(da), Summary.mean(db),
                    bootstrap.mean(diff)));
        }
        return out;
    }
}
