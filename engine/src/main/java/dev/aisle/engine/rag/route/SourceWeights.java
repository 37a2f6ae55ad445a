package dev.aisle.engine.rag.route;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.rag.index.IndexSchema.DocType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each source is worth for a kind of question, and which store services to call. Specs answer
 * detail questions, reviews answer "which is better", guides answer advice, services answer price,
 * stock and delivery. The weights multiply fused retrieval scores, so they reorder evidence without
 * hiding any source entirely.
 *
 * @param docTypes        weight per index document type
 * @param pluginWeight    weight of plugin evidence sources
 * @param services        store services to call for the question's products
 * @param serviceProducts how many products get service calls when the question names none
 */
public record SourceWeights(Map<DocType, Double> docTypes, double pluginWeight, List<String> services, int serviceProducts) {

    /** The services the engine ships; any other registered service comes from a plugin. */
    public static final List<String> BUILT_IN_SERVICES = List.of("price", "stock", "delivery");

    public SourceWeights {
        docTypes = Map.copyOf(docTypes);
        services = List.copyOf(services);
    }

    /**
     * Whether plugin store services are asked too. Only store-service questions call them: a plugin
     * tool answers things like delivery dates, which other kinds of question do not ask about.
     */
    public boolean callsPluginServices() {
        return services.contains("delivery");
    }

    public static SourceWeights forIntent(Intent intent) {
        return switch (intent) {
            case PRODUCT_DETAIL -> of(1.0, 0.7, 0.9, 0.3, 0.8, List.of("price"), 1);
            case COMPARISON -> of(1.0, 0.8, 0.6, 0.3, 0.7, List.of("price"), 2);
            case RECOMMENDATION -> of(1.0, 0.8, 0.5, 0.5, 0.7, List.of("price", "stock"), 3);
            case ADVICE -> of(0.6, 0.6, 0.6, 1.0, 0.8, List.of(), 0);
            case STORE_SERVICE -> of(1.0, 0.3, 0.4, 0.1, 0.6, List.of("price", "stock", "delivery"), 3);
        };
    }

    private static SourceWeights of(double product, double review, double qa, double guide, double plugin,
                                    List<String> services, int serviceProducts) {
        Map<DocType, Double> m = new EnumMap<>(DocType.class);
        m.put(DocType.PRODUCT, product);
        m.put(DocType.REVIEW, review);
        m.put(DocType.QA, qa);
        m.put(DocType.GUIDE, guide);
        return new SourceWeights(m, plugin, services, serviceProducts);
    }
}
