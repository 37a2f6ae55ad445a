package dev.aisle.evaluations.run;

import dev.aisle.evaluations.system.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one configuration produced on a suite. */
public record ConfigRun(Configuration configuration, Map<String, String> lineage, List<ItemResult> items,
                        List<MetricAggregate> aggregates, int errors, double wallSeconds) {

    public ConfigRun {
        lineage = Map.copyOf(lineage);
        items = List.copyOf(items);
        aggregates = List.copyOf(aggregates);
    }

    public Optional<MetricAggregate> aggregate(String metric) {
        return aggregates.stream().filter(a -> a.metric().equals(metric)).findFirst();
    }
}
