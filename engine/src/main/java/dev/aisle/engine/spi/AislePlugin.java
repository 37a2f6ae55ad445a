package dev.aisle.engine.spi;

import java.util.List;

/**
 * What a plugin jar gives the engine. Found with {@link java.util.ServiceLoader} on the classpath
 * and in the jars under {@code AISLE_HOME/plugins/}: a jar lists its implementation in
 * {@code META-INF/services/dev.aisle.engine.spi.AislePlugin}.
 *
 * <p>A plugin's contributions are called under the engine's time budgets; one that throws, hangs
 * or returns garbage is cut off and reported in the trace and in {@code aisle plugins}, and never
 * takes the engine or the window down.
 */
public interface AislePlugin {

    /** The version of the plugin SPI this engine implements; bumped on incompatible change. */
    int API_VERSION = 1;

    /** The SPI version the plugin was written against; the engine loads only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** Short stable name ("size-guide"). */
    String name();

    /** The plugin's own version ("1.0.0"). */
    String version();

    /** Evidence sources the router may ask alongside the index. */
    default List<EvidenceSource> evidenceSources() {
        return List.of();
    }

    /** Store services (tools) the router may call. */
    default List<StoreService> storeServices() {
        return List.of();
    }

    /** Answer metrics {@code aisle eval} reports beside its own. */
    default List<AnswerMetric> answerMetrics() {
        return List.of();
    }

    /** Answer markup elements (tag, validation, hydration, renderers). */
    default List<MarkupElementPlugin> markupElements() {
        return List.of();
    }

    /** Serving backends, selectable by name like the built-in ones. */
    default List<BackendPlugin> backends() {
        return List.of();
    }
}
