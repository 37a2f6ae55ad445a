package dev.aisle.app.workbench.service.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.Hydration;
import dev.aisle.engine.markup.PluginElement;
import dev.aisle.engine.markup.render.RenderNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderEventsTest {

    @Test
    void aPluginElementBecomesAnElementEventAndItsRenderedTextItsHydration() {
        List<AnswerEvent> events = new ArrayList<>();
        RenderEvents render = new RenderEvents(events::add);
        PluginElement deal = new PluginElement("deal", Map.of("id", "B0RUN1"));
        render.onElement(2, deal, new RenderNode.Pending(2, deal));
        render.onHydrated(2, new RenderNode.PluginNode("deal", Map.of("price", "79.99"),
                "Deal: Trail Runner 2 — $79.99", "<b>Deal</b>"));
        assertEquals(List.of(new AnswerEvent.PluginElement(2, "deal", Map.of("id", "B0RUN1")),
                new AnswerEvent.Hydrated(2, new Hydration.Plugin("deal", "Deal: Trail Runner 2 — $79.99"))), events);
        assertEquals("deal B0RUN1", ((AnswerEvent.PluginElement) events.get(0)).label());
        assertEquals(Optional.of(new Hydration.Missing("deal B0RUN1 — plugin X: timed out after 2000 ms")),
                RenderEvents.hydration(new RenderNode.Fallback("deal B0RUN1", "plugin X: timed out after 2000 ms")));
    }
}
