package dev.aisle.plugins.sizeguide;

import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import dev.aisle.engine.spi.EvidenceSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeGuidePluginTest {

    private final EvidenceSource source = new SizeGuidePlugin().evidenceSources().get(0);

    private List<EvidenceSource.EvidenceItem> ask(String question) throws Exception {
        return source.fetch(new EvidenceSource.EvidenceRequest(question, "ADVICE", List.of(), 3));
    }

    @Test
    void sizeQuestionsGetTheMatchingChart() throws Exception {
        List<EvidenceSource.EvidenceItem> items = ask("what size golf gloves for a 9 inch hand?");
        assertEquals(2, items.size());
        assertTrue(items.get(0).text().startsWith("Glove sizes"), items.get(0).text());
    }

    @Test
    void otherQuestionsGetNothing() throws Exception {
        assertTrue(ask("best dinosaur toys for a five year old").isEmpty());
        assertTrue(ask("size of the toaster").isEmpty(), "size words alone, with no chart's product, find nothing");
    }

    @Test
    void respectsMaxItems() throws Exception {
        assertTrue(ask("do trail shoes and thermal jackets fit small?").size() <= 3);
    }

    @Test
    void theEngineFindsItThroughServiceLoader() {
        try (PluginRegistry registry = PluginRegistry.load(Path.of("absent"), getClass().getClassLoader())) {
            PluginStatus status = registry.statuses().stream().filter(s -> s.name().equals("size-guide")).findFirst()
                    .orElseThrow(() -> new AssertionError("size-guide not discovered: " + registry.statuses()));
            assertEquals(PluginStatus.State.LOADED, status.state());
            assertEquals(1, status.evidenceSources());
        }
    }
}
