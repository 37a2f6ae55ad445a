package dev.aisle.engine.plugins;

import dev.aisle.engine.spi.AislePlugin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What went wrong with plugins while the engine ran: a source or service cut off or failing, an
 * element's validation overrunning, a backend step cut off. The trace of the answer concerned says it
 * for that answer; this keeps the running count per contribution so that {@code aisle plugins} and the
 * workbench's plugin list can say which plugin misbehaves and how often.
 */
public final class PluginIncidents {

    /** The kinds of contribution, each named as its plugin names it. */
    public enum Kind { SOURCE, SERVICE, ELEMENT, BACKEND }

    /** How often a contribution failed, and the latest failure. */
    public record Incident(long count, String last, Instant lastAt) {
        public static final Incident NONE = new Incident(0, "", Instant.EPOCH);

        Incident plus(Incident other) {
            if (other.count == 0) {
                return this;
            }
            boolean newer = !other.lastAt.isBefore(lastAt);
            return new Incident(count + other.count, newer ? other.last : last, newer ? other.lastAt : lastAt);
        }
    }

    private final Map<String, Incident> byContribution = new ConcurrentHashMap<>();

    public void record(Kind kind, String name, String detail) {
        Incident now = new Incident(1, kind.name().toLowerCase() + " " + name + ": " + detail, Instant.now());
        byContribution.merge(key(kind, name), now, Incident::plus);
    }

    /**
     * The keys of a plugin's contributions, read once when it loads (so that listing incidents never calls
     * plugin code, which may hang, on the thread that asks — the workbench's FX thread).
     */
    static List<String> contributionKeys(AislePlugin plugin) {
        List<String> keys = new ArrayList<>();
        plugin.evidenceSources().forEach(s -> keys.add(key(Kind.SOURCE, s.name())));
        plugin.storeServices().forEach(s -> keys.add(key(Kind.SERVICE, s.name())));
        plugin.markupElements().forEach(e -> keys.add(key(Kind.ELEMENT, e.tagName())));
        plugin.backends().forEach(b -> keys.add(key(Kind.BACKEND, b.name())));
        return List.copyOf(keys);
    }

    /** All incidents of the contributions with these {@link #contributionKeys} together. */
    Incident of(List<String> keys) {
        Incident total = Incident.NONE;
        for (String k : keys) {
            total = total.plus(byContribution.getOrDefault(k, Incident.NONE));
        }
        return total;
    }

    private static String key(Kind kind, String name) {
        return kind + ":" + name;
    }
}
