package dev.aisle.engine.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {

    @TempDir
    Path pluginsDir;

    @Test
    void loadsWorkingPluginsAndReportsBrokenOnesWithTheirReason() throws IOException {
        writeJar(pluginsDir.resolve("broken.jar"), "com.example.DoesNotExist\n");
        Files.writeString(pluginsDir.resolve("notes.txt"), "not a jar, ignored");
        try (PluginRegistry registry = PluginRegistry.load(pluginsDir, getClass().getClassLoader())) {
            Map<String, PluginStatus> byName = registry.statuses().stream()
                    .filter(s -> !s.name().equals("?"))
                    .collect(Collectors.toMap(PluginStatus::name, Function.identity()));

            PluginStatus working = byName.get("working");
            assertEquals(PluginStatus.State.LOADED, working.state());
            assertEquals("1.2.3", working.version());
            assertEquals(1, working.evidenceSources());
            assertEquals(1, working.backends());
            assertEquals(0, working.markupElements());
            assertEquals("1 evidence source, 1 backend", working.contributions());

            assertEquals(PluginStatus.State.FAILED, byName.get("future").state());
            assertTrue(byName.get("future").error().contains("SPI version 2"), byName.get("future").error());
            assertEquals(PluginStatus.State.FAILED, byName.get("moody").state());
            assertTrue(byName.get("moody").error().contains("not today"));

            assertTrue(registry.statuses().stream().anyMatch(s -> s.state() == PluginStatus.State.FAILED
                    && s.error().contains("licence file missing")), "a constructor that throws is reported");
            assertTrue(registry.statuses().stream().anyMatch(s -> s.origin().equals("broken.jar")
                    && s.error().contains("DoesNotExist")), "a jar naming a missing class is reported");

            assertEquals(1, registry.plugins().size(), "only the working plugin runs");
            assertEquals("working-source", registry.evidenceSources().get(0).name());
            assertEquals("working-cpu", registry.backends().get(0).name());
        }
    }

    @Test
    void aMissingPluginsFolderMeansClasspathOnly() {
        try (PluginRegistry registry = PluginRegistry.load(pluginsDir.resolve("absent"), getClass().getClassLoader())) {
            assertTrue(registry.statuses().stream().allMatch(s -> s.origin().equals("classpath")));
        }
    }

    @Test
    void incidentsOfAPluginsContributionsShowInItsStatus() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            PluginStatus before = status(registry, "working");
            assertEquals(0, before.incidents().count());
            assertEquals("", before.incidentSummary());
            registry.incidents().record(PluginIncidents.Kind.SOURCE, "working-source", "timeout, cut off after the 300 ms budget");
            registry.incidents().record(PluginIncidents.Kind.BACKEND, "working-cpu", "took longer than 120 s for one step; cut off");
            registry.incidents().record(PluginIncidents.Kind.SERVICE, "price", "failed, not a plugin's");
            PluginStatus after = status(registry, "working");
            assertEquals(2, after.incidents().count(), "a built-in service's failure is not the plugin's");
            assertTrue(after.incidentSummary().startsWith("2 incidents, last: backend working-cpu: took longer"), after.incidentSummary());
        }
    }

    private static PluginStatus status(PluginRegistry registry, String name) {
        return registry.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static void writeJar(Path jar, String services) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/dev.aisle.engine.spi.AislePlugin"));
            j.write(services.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }
}
