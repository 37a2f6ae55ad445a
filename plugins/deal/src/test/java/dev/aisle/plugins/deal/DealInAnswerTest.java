package dev.aisle.plugins.deal;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.markup.MarkupExtensions;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.MarkupStats;
import dev.aisle.engine.markup.hydrate.HydrationRecord;
import dev.aisle.engine.markup.hydrate.HydrationReport;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.markup.hydrate.StoreOffer;
import dev.aisle.engine.markup.hydrate.StreamingAnswer;
import dev.aisle.engine.markup.render.HtmlRenderer;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.markup.render.TerminalRenderer;
import dev.aisle.engine.markup.render.TerminalStreamWriter;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.trace.AnswerTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deal plugin as the engine runs it: found by the registry, its tag accepted by the streaming
 * parser, hydrated by the hydrator from the catalogue and drawn by the terminal and HTML renderers.
 */
class DealInAnswerTest {

    private final Map<String, Product> shop = Map.of(
            "B0RUN1", DealElementTest.product("B0RUN1", "Trail Runner 2", 79.99, 99.99),
            "B0EVIL", DealElementTest.product("B0EVIL", "<img src=x onerror=alert(1)> Socks", 10.00, 12.50),
            "B0ELSE", DealElementTest.product("B0ELSE", "Not In Evidence", 5.00, 9.00));
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<EvidenceLine> evidence = List.of(
            new EvidenceLine("E1", "product", "B0RUN1", "Trail Runner 2: grippy."),
            new EvidenceLine("E2", "review", "B0EVIL", "Warm socks."));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aStreamedDealIsParsedHydratedAndRendered() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            List<String> warnings = new ArrayList<>();
            // Budgets far above the work: this test is about parsing and rendering, and must not fail
            // because a loaded machine took a second to validate an element.
            MarkupExtensions elements = MarkupExtensions.of(registry.markupElements(), executor,
                    Duration.ofSeconds(30), warnings::add);
            assertEquals(List.of(), warnings);
            assertEquals(List.of("deal"), elements.productIdTags());
            Hydrator hydrator = new Hydrator(id -> Optional.ofNullable(shop.get(id)),
                    id -> new StoreOffer(id, shop.get(id).price(), 3, "Arrives Fri"), executor,
                    Duration.ofSeconds(30), Duration.ofSeconds(60), elements);

            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            StreamingAnswer answer = new StreamingAnswer(MarkupScope.of(evidence, List.of()), evidence, hydrator,
                    new TerminalStreamWriter(new PrintStream(terminal, true, StandardCharsets.UTF_8), TerminalRenderer.plain()));
            String text = "Good pick: <deal id=\"B0RUN1\"/>. Socks: <deal id=\"B0EVIL\"/>. "
                    + "Not this: <deal id=\"B0ELSE\"/> <deal id=\"B0RUN1\" price=\"1.00\"/>";
            for (int k = 0; k < text.length(); k += 4) { // token-sized chunks that split the tags
                answer.accept(text.substring(k, Math.min(text.length(), k + 4)));
            }
            answer.finish();
            List<RenderNode> nodes = answer.completed().join();
            AnswerTrace trace = new AnswerTrace("t1", "trail shoes?");
            answer.recordTo(trace);

            String expected = "Good pick: Deal: Trail Runner 2 \u2014 $79.99, was $99.99 (save $20.00, 20%). "
                    + "Socks: Deal: <img src=x onerror=alert(1)> Socks \u2014 $10.00, was $12.50 (save $2.50, 20%). "
                    + "Not this: <deal id=\"B0ELSE\"/> <deal id=\"B0RUN1\" price=\"1.00\"/>";
            assertEquals(expected, TerminalRenderer.plain().render(nodes));
            assertEquals(expected, terminal.toString(StandardCharsets.UTF_8));

            String html = new HtmlRenderer().fragment(nodes);
            assertTrue(html.contains("<span class=\"plugin-element\" data-tag=\"deal\"><span class=\"aisle-deal\" "
                    + "data-product-id=\"B0RUN1\"><strong>Deal</strong>: Trail Runner 2 \u2014 <ins>$79.99</ins> "
                    + "<del>$99.99</del> (save 20%)</span></span>"), html);
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; Socks"), html);
            assertFalse(html.contains("<img"), html);
            assertTrue(html.contains("Not this: &lt;deal id=&quot;B0ELSE&quot;/&gt;"), html);

            assertEquals(new MarkupStats(0, 0, 0, 0, 1, 0, 1, 0, 2), answer.stats());
            assertEquals(List.of("<deal> id=\"B0ELSE\" is not a product of this answer's evidence",
                    "<deal> has unknown attribute 'price'; only id is allowed"), trace.sections().get("markup.problems"));
            HydrationReport report = (HydrationReport) trace.sections().get(HydrationReport.SECTION);
            assertEquals(2, report.count(HydrationRecord.Outcome.OK));
            assertEquals("deal B0RUN1", report.records().get(0).key());
        }
    }
}
