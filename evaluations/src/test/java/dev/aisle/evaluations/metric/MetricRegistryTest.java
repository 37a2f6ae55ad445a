package dev.aisle.evaluations.metric;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricRegistryTest {

    @Test
    void docsMetricsMdIsGeneratedFromTheDefinitions() throws Exception {
        Path doc = Path.of("..", "docs", "metrics.md");
        String generated = MetricRegistry.standard().toMarkdown();
        assertEquals(generated, Files.readString(doc),
                "docs/metrics.md is out of date; regenerate with ./aisle eval --metrics-doc docs/metrics.md");
    }

    @Test
    void everyMetricHasADefinitionAndAUniqueName() {
        MetricRegistry r = MetricRegistry.standard();
        for (Metric m : r.all()) {
            assertTrue(m.definition().length() > 60, m.name());
        }
        assertTrue(r.find("ndcg@10").isPresent());
        assertThrows(IllegalArgumentException.class, () -> r.require("bleu"));
        assertThrows(IllegalArgumentException.class, () -> new MetricRegistry(java.util.List.of(RankingMetrics.mrr(), RankingMetrics.mrr())));
    }
}
