package dev.aisle.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.service.engine.PluginListing;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.plugins.PluginStatus;
import java.time.Instant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    @TempDir
    Path home;

    private final PluginStatus deal = new PluginStatus("deal", "1.0.0", "aisle-plugin-deal.jar",
            PluginStatus.State.LOADED, 0, 0, 0, 1, 0, "", PluginIncidents.Incident.NONE);
    private final PluginStatus accel = new PluginStatus("accel", "0.2", "classpath",
            PluginStatus.State.LOADED, 1, 2, 1, 0, 1, "",
            new PluginIncidents.Incident(2, "source shelf: timeout, cut off after the 300 ms budget", Instant.EPOCH));
    private final PluginStatus broken = new PluginStatus("?", "?", "broken.jar", PluginStatus.State.FAILED,
            0, 0, 0, 0, 0, "ClassNotFoundException: com.example.Gone", PluginIncidents.Incident.NONE);

    @Test
    void everyPluginIsListedWithWhatItContributesOrWhyItFailed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AisleHome h = new AisleHome(home);
        PluginsCommand.print(h, List.of(deal, accel, broken), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(String.join("\n",
                "plugins from the classpath and " + h.pluginsDir(),
                "  deal                 1.0.0      loaded  aisle-plugin-deal.jar",
                "      sources 0, services 0, metrics 0, markup elements 1, backends 0",
                "  accel                0.2        loaded  classpath",
                "      sources 1, services 2, metrics 1, markup elements 0, backends 1",
                "      2 incidents, last: source shelf: timeout, cut off after the 300 ms budget",
                "  ?                    ?          failed  broken.jar",
                "      error: ClassNotFoundException: com.example.Gone", ""),
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theWorkbenchListsTheSameCounts() {
        assertEquals(new Services.PluginInfo("accel", "0.2 (classpath)",
                        "1 evidence source, 2 store services, 1 metric, 1 backend", "",
                        "2 incidents, last: source shelf: timeout, cut off after the 300 ms budget"),
                PluginListing.of(accel));
        assertEquals(new Services.PluginInfo("?", "? (broken.jar)", "not loaded", "ClassNotFoundException: com.example.Gone"),
                PluginListing.of(broken));
    }
}
