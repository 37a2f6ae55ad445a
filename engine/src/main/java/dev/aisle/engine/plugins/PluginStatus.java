package dev.aisle.engine.plugins;

/**
 * One plugin as {@code aisle plugins} and the workbench list it.
 *
 * @param origin "classpath" or the jar's file name
 * @param error  why it did not load; empty when it did
 */
public record PluginStatus(String name, String version, String origin, State state, int evidenceSources,
                           int storeServices, String error) {

    public enum State { LOADED, FAILED }
}
