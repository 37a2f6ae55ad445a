package dev.aisle.app.cli;

import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the plugins found on the classpath and in AISLE_HOME/plugins/, with versions and errors.")
public final class PluginsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        AisleHome home = AisleHome.fromEnvironment();
        try (PluginRegistry registry = PluginRegistry.load(home.pluginsDir(), getClass().getClassLoader())) {
            System.out.printf("plugins from the classpath and %s%n", home.pluginsDir());
            if (registry.statuses().isEmpty()) {
                System.out.println("  none (drop a plugin jar into the folder above; see README, \"Writing a plugin\")");
            }
            for (PluginStatus s : registry.statuses()) {
                System.out.printf("  %-20s %-10s %-7s %-24s sources %d, services %d%s%n", s.name(), s.version(),
                        s.state().name().toLowerCase(), s.origin(), s.evidenceSources(), s.storeServices(),
                        s.error().isEmpty() ? "" : "%n    error: " .formatted() + s.error());
            }
            return registry.statuses().stream().anyMatch(s -> s.state() == PluginStatus.State.FAILED) ? 1 : 0;
        }
    }
}
