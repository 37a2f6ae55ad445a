package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the plugins found on the classpath and in AISLE_HOME/plugins/, with versions, what each"
                + " contributes (evidence sources, store services, metrics, markup elements, backends) and errors."
                + " Exit code 1 when a plugin failed to load.")
public final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object: the plugins folder and every plugin's status")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AisleHome home = AisleHome.fromEnvironment();
        try (PluginRegistry registry = PluginRegistry.load(home.pluginsDir(), getClass().getClassLoader())) {
            List<PluginStatus> statuses = registry.statuses();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pluginsDir", home.pluginsDir().toString());
                out.put("plugins", statuses);
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            } else {
                print(home, statuses, System.out);
            }
            return statuses.stream().anyMatch(s -> s.state() == PluginStatus.State.FAILED) ? 1 : 0;
        }
    }

    static void print(AisleHome home, List<PluginStatus> statuses, PrintStream out) {
        out.printf("plugins from the classpath and %s%n", home.pluginsDir());
        if (statuses.isEmpty()) {
            out.println("  none (drop a plugin jar into the folder above; see README, \"Writing a plugin\")");
        }
        for (PluginStatus s : statuses) {
            out.printf("  %-20s %-10s %-7s %s%n", s.name(), s.version(), s.state().name().toLowerCase(), s.origin());
            if (s.state() == PluginStatus.State.LOADED) {
                out.printf("      sources %d, services %d, metrics %d, markup elements %d, backends %d%n",
                        s.evidenceSources(), s.storeServices(), s.answerMetrics(), s.markupElements(), s.backends());
                if (s.incidents().count() > 0) {
                    out.printf("      %s%n", s.incidentSummary());
                }
            } else {
                out.printf("      error: %s%n", s.error());
            }
        }
    }
}
