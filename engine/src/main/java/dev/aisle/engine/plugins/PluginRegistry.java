package dev.aisle.engine.plugins;

import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.AnswerMetric;
import dev.aisle.engine.spi.BackendPlugin;
import dev.aisle.engine.spi.EvidenceSource;
import dev.aisle.engine.spi.MarkupElementPlugin;
import dev.aisle.engine.spi.StoreService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The plugins this engine runs with. Each jar in the plugins folder gets a class loader of its
 * own, so one jar's broken manifest or missing class cannot stop another from loading.
 */
public final class PluginRegistry implements AutoCloseable {

    private final List<AislePlugin> loaded;
    /** Per loaded plugin, in the same order, its contributions' incident keys (read at load). */
    private final List<List<String>> contributionKeys;
    private final List<PluginStatus> statuses;
    private final List<URLClassLoader> loaders;
    private final PluginIncidents incidents = new PluginIncidents();

    private PluginRegistry(List<AislePlugin> loaded, List<PluginStatus> statuses, List<URLClassLoader> loaders) {
        this.loaded = List.copyOf(loaded);
        List<List<String>> keys = new ArrayList<>();
        for (AislePlugin p : this.loaded) {
            List<String> k;
            try {
                k = PluginIncidents.contributionKeys(p);
            } catch (RuntimeException | LinkageError e) {
                k = List.of(); // it answered at admission; one that throws now has nothing to count against
            }
            keys.add(k);
        }
        this.contributionKeys = List.copyOf(keys);
        this.statuses = List.copyOf(statuses);
        this.loaders = List.copyOf(loaders);
    }

    /** Plugins on the classpath of {@code parent} and in the jars of {@code pluginsDir} (may be absent). */
    public static PluginRegistry load(Path pluginsDir, ClassLoader parent) {
        List<AislePlugin> plugins = new ArrayList<>();
        List<PluginStatus> statuses = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        discover(ServiceLoader.load(AislePlugin.class, parent), "classpath", p -> true, plugins, statuses);
        for (Path jar : jars(pluginsDir)) {
            URLClassLoader loader;
            try {
                loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, parent);
            } catch (MalformedURLException e) {
                statuses.add(failed(jar.getFileName().toString(), "cannot open " + jar + ": " + e.getMessage()));
                continue;
            }
            loaders.add(loader);
            // Only providers that the jar itself defines; the parent's are already counted.
            discover(ServiceLoader.load(AislePlugin.class, loader), jar.getFileName().toString(),
                    p -> p.getClass().getClassLoader() == loader, plugins, statuses);
        }
        return new PluginRegistry(plugins, statuses, loaders);
    }

    private static void discover(ServiceLoader<AislePlugin> serviceLoader, String origin,
                                 java.util.function.Predicate<AislePlugin> own,
                                 List<AislePlugin> plugins, List<PluginStatus> statuses) {
        Iterator<AislePlugin> it = serviceLoader.iterator();
        while (true) {
            AislePlugin plugin;
            try {
                if (!it.hasNext()) {
                    return;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider that cannot be found or constructed: report it and go on with the next.
                statuses.add(failed(origin, rootMessage(e)));
                continue;
            }
            if (!own.test(plugin)) {
                continue;
            }
            statuses.add(admit(plugin, origin, plugins));
        }
    }

    private static PluginStatus admit(AislePlugin plugin, String origin, List<AislePlugin> plugins) {
        String name = plugin.getClass().getName();
        String version = "?";
        try {
            name = plugin.name();
            version = plugin.version();
            if (plugin.apiVersion() != AislePlugin.API_VERSION) {
                return PluginStatus.failed(name, version, origin,
                        "written for plugin SPI version " + plugin.apiVersion() + ", this engine speaks "
                                + AislePlugin.API_VERSION);
            }
            // Asking for every contribution once now makes a plugin that throws here fail at load, with its reason.
            int sources = plugin.evidenceSources().size();
            int services = plugin.storeServices().size();
            int metrics = plugin.answerMetrics().size();
            int elements = plugin.markupElements().size();
            int backends = plugin.backends().size();
            plugins.add(plugin);
            return new PluginStatus(name, version, origin, PluginStatus.State.LOADED, sources, services, metrics,
                    elements, backends, "", PluginIncidents.Incident.NONE);
        } catch (RuntimeException | LinkageError e) {
            return PluginStatus.failed(name, version, origin, rootMessage(e));
        }
    }

    private static PluginStatus failed(String origin, String error) {
        return PluginStatus.failed("?", "?", origin, error);
    }

    private static List<Path> jars(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins in " + dir, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    public List<AislePlugin> plugins() {
        return loaded;
    }

    /** Each plugin's load status, with its incidents so far. */
    public List<PluginStatus> statuses() {
        List<PluginStatus> now = new ArrayList<>(statuses.size());
        int next = 0;
        for (PluginStatus s : statuses) {
            if (s.state() == PluginStatus.State.LOADED) {
                // Loaded plugins appear in statuses in the order they were admitted.
                now.add(s.withIncidents(incidents.of(contributionKeys.get(next++))));
            } else {
                now.add(s);
            }
        }
        return now;
    }

    /** Where the engine records what goes wrong with these plugins while it runs. */
    public PluginIncidents incidents() {
        return incidents;
    }

    /** Evidence sources of every loaded plugin; a plugin that throws here is skipped. */
    public List<EvidenceSource> evidenceSources() {
        return collect(AislePlugin::evidenceSources);
    }

    /** Store services of every loaded plugin; a plugin that throws here is skipped. */
    public List<StoreService> storeServices() {
        return collect(AislePlugin::storeServices);
    }

    /** Answer metrics of every loaded plugin; a plugin that throws here is skipped. */
    public List<AnswerMetric> answerMetrics() {
        return collect(AislePlugin::answerMetrics);
    }

    /** Markup elements of every loaded plugin; a plugin that throws here is skipped. */
    public List<MarkupElementPlugin> markupElements() {
        return collect(AislePlugin::markupElements);
    }

    /** Serving backends of every loaded plugin; a plugin that throws here is skipped. */
    public List<BackendPlugin> backends() {
        return collect(AislePlugin::backends);
    }

    private <T> List<T> collect(Function<AislePlugin, List<T>> contributions) {
        List<T> out = new ArrayList<>();
        for (AislePlugin p : loaded) {
            try {
                out.addAll(contributions.apply(p));
            } catch (RuntimeException | LinkageError e) {
                // Reported at load time already if it threw then; a plugin that starts throwing later is skipped.
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (URLClassLoader l : loaders) {
            try {
                l.close();
            } catch (IOException e) {
                // nothing is left to release that the JVM will not release on exit
            }
        }
    }
}
