package dev.aisle.engine.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * One plugin as {@code aisle plugins} and the workbench list it, with how many contributions of
 * each kind it makes.
 *
 * @param origin "classpath" or the jar's file name
 * @param error     why it did not load; empty when it did
 * @param incidents how often its contributions failed or were cut off since the engine started, and the latest
 */
public record PluginStatus(String name, String version, String origin, State state, int evidenceSources,
                           int storeServices, int answerMetrics, int markupElements, int backends, String error,
                           PluginIncidents.Incident incidents) {

    public enum State { LOADED, FAILED }

    /** A plugin that did not load: nothing contributed. */
    static PluginStatus failed(String name, String version, String origin, String error) {
        return new PluginStatus(name, version, origin, State.FAILED, 0, 0, 0, 0, 0, error, PluginIncidents.Incident.NONE);
    }

    PluginStatus withIncidents(PluginIncidents.Incident now) {
        return new PluginStatus(name, version, origin, state, evidenceSources, storeServices, answerMetrics, markupElements,
                backends, error, now);
    }

    /** "3 incidents, last: source size-guide: cut off after the 300 ms budget", or "" when there were none. */
    public String incidentSummary() {
        return incidents.count() == 0 ? ""
                : incidents.count() + (incidents.count() == 1 ? " incident" : " incidents") + ", last: " + incidents.last();
    }

    /** "1 evidence source, 2 markup elements", or "nothing" for a plugin that contributes nothing. */
    public String contributions() {
        List<String> parts = new ArrayList<>();
        count(parts, evidenceSources, "evidence source");
        count(parts, storeServices, "store service");
        count(parts, answerMetrics, "metric");
        count(parts, markupElements, "markup element");
        count(parts, backends, "backend");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }
}
