package dev.aisle.engine.markup.hydrate;

import dev.aisle.engine.markup.MarkupElement;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.MarkupStats;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.markup.render.TerminalRenderer;
import dev.aisle.engine.markup.render.TerminalStreamWriter;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.trace.AnswerTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingAnswerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Shop shop = new Shop();
    private final List<EvidenceLine> evidence = List.of(
            new EvidenceLine("E1", "product", Shop.GLOVE.id(), "FrostGrip: fleece lined."),
            new EvidenceLine("E2", "review", Shop.GLOVE.id(), "Warm down to freezing."));
    private final MarkupScope scope = MarkupScope.of(evidence, List.of(Shop.GLOVE2.id()));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Records listener calls as strings, in the order they came. */
    static final class Recorder implements RenderListener {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onText(String text) {
            calls.add("text:" + text);
        }

        @Override
        public void onElement(int elementIndex, MarkupElement element, RenderNode placeholder) {
            calls.add("element:" + elementIndex + ":" + element.kind());
        }

        @Override
        public void onHydrated(int elementIndex, RenderNode node) {
            calls.add("hydrated:" + elementIndex + ":" + node.getClass().getSimpleName());
        }
    }

    @Test
    void streamsTextAndElementsThenHydratesEachElementOnce() {
        CountDownLatch release = new CountDownLatch(1);
        Hydrator hydrator = new Hydrator(shop.catalogue(), id -> {
            release.await();
            return new StoreOffer(id, 20, 3, "Arrives Fri");
        }, executor, Duration.ofSeconds(30), Duration.ofSeconds(30));
        Recorder rec = new Recorder();
        StreamingAnswer answer = new StreamingAnswer(scope, evidence, hydrator, rec);
        for (String token : List.of("For cold golf try <pro", "duct id=\"B0GLV12345\"/", "> — warm <cite ref=", "\"E2\"/>",
                ". <link to=\"product:B0GLV99999\">Cheaper</link> <product id=\"B0EVIL\"/>")) {
            answer.accept(token);
        }
        answer.finish();
        assertInstanceOf(RenderNode.Pending.class, answer.nodes().get(1), "the card is pending until the store answers");
        release.countDown();
        List<RenderNode> nodes = answer.completed().join();

        assertEquals(List.of("text:For cold golf try ", "element:0:product", "text: — warm ", "element:1:cite",
                "hydrated:1:Citation", "text:. ", "element:2:link", "hydrated:2:Link", "text: <product id=\"B0EVIL\"/>"),
                rec.calls.subList(0, 9));
        assertEquals("hydrated:0:ProductCard", rec.calls.get(9));
        assertEquals(10, rec.calls.size());

        RenderNode.ProductCard card = assertInstanceOf(RenderNode.ProductCard.class, nodes.get(1));
        assertEquals(20.0, card.price());
        assertEquals(new RenderNode.Text(" <product id=\"B0EVIL\"/>"), nodes.get(nodes.size() - 1));
        assertEquals(new MarkupStats(1, 0, 1, 1, 0, 0, 1, 0), answer.stats());

        AnswerTrace trace = new AnswerTrace("t1", "cold golf?");
        answer.recordTo(trace);
        assertEquals(answer.stats(), trace.section(MarkupStats.SECTION, MarkupStats.class));
        HydrationReport report = trace.section(HydrationReport.SECTION, HydrationReport.class);
        assertEquals(List.of(0, 1, 2), report.records().stream().map(HydrationRecord::elementIndex).toList());
        assertEquals(0, report.failures());
    }

    @Test
    void aFailedHydrationIsCountedAndTheAnswerStillCompletes() {
        shop.catalogue.remove(Shop.GLOVE2.id());
        Hydrator hydrator = new Hydrator(shop.catalogue(), shop.store(), executor, Duration.ofSeconds(30), Duration.ofSeconds(30));
        StreamingAnswer answer = new StreamingAnswer(scope, evidence, hydrator, new Recorder());
        answer.accept("<compare ids=\"B0GLV12345,B0GLV99999\"/> and <product id=\"B0GLV99999\"/>");
        answer.finish();
        List<RenderNode> nodes = answer.completed().join();
        assertInstanceOf(RenderNode.Fallback.class, nodes.get(0));
        assertInstanceOf(RenderNode.Fallback.class, nodes.get(2));
        assertEquals(2, answer.hydration().failures());
    }

    @Test
    void theTerminalWriterKeepsReadingOrderWhileACardIsPending() {
        CountDownLatch release = new CountDownLatch(1);
        Hydrator hydrator = new Hydrator(shop.catalogue(), id -> {
            release.await();
            return new StoreOffer(id, 20, 3, "Arrives Fri");
        }, executor, Duration.ofSeconds(30), Duration.ofSeconds(30));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StreamingAnswer answer = new StreamingAnswer(scope, evidence, hydrator,
                new TerminalStreamWriter(out, TerminalRenderer.plain()));
        answer.accept("Try this:<product id=\"B0GLV12345\"/>It is warm <cite ref=\"E2\"/>.");
        answer.finish();
        assertEquals("Try this:", bytes.toString(StandardCharsets.UTF_8), "text after the pending card waits");
        release.countDown();
        answer.completed().join();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("Try this:\n┌"), shown);
        assertTrue(shown.contains("FrostGrip Winter Golf Glove"), shown);
        assertTrue(shown.endsWith("┘\nIt is warm [E2]."), shown);
        assertFalse(shown.contains("<"), shown);
    }
}
