package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.Services;
import dev.aisle.engine.plugins.PluginStatus;

/** The settings page's line for a plugin of the registry: the counts {@code aisle plugins} prints. */
public final class PluginListing {

    private PluginListing() {
    }

    /** What it contributes ("1 markup element"), or "not loaded"; its origin beside the version. */
    public static Services.PluginInfo of(PluginStatus s) {
        return new Services.PluginInfo(s.name(), s.version() + " (" + s.origin() + ")",
                s.state() == PluginStatus.State.LOADED ? s.contributions() : "not loaded", s.error(), s.incidentSummary());
    }
}
