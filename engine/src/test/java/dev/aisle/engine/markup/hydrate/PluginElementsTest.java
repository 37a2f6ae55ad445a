package dev.aisle.engine.markup.hydrate;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.generate.MarkupGrammar;
import dev.aisle.engine.markup.MarkupEvent;
import dev.aisle.engine.markup.MarkupExtensions;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.MarkupStats;
import dev.aisle.engine.markup.MarkupStreamParser;
import dev.aisle.engine.markup.PluginElement;
import dev.aisle.engine.markup.render.HtmlRenderer;
import dev.aisle.engine.markup.render.PluginHtml;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.markup.render.TerminalRenderer;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.spi.MarkupElementPlugin;
import dev.aisle.engine.trace.AnswerTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugin elements through parser, hydrator and renderers, with well-behaved and misbehaving plugins. */
class PluginElementsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plugin-test");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch never = new CountDownLatch(1);
    private final Shop shop = new Shop();
    private final List<EvidenceLine> evidence = List.of(new EvidenceLine("E1", "product", Shop.GLOVE.id(), "Warm."));
    private final MarkupScope scope = MarkupScope.of(evidence, List.of(Shop.SHOE.id()));
    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void stop() {
        never.countDown();
        executor.shutdownNow();
    }

    /** A price-badge element whose every step can be made to misbehave. */
    private static class Badge implements MarkupElementPlugin {
        private final String tag;

        Badge(String tag) {
            this.tag = tag;
        }

        @Override
        public String tagName() {
            return tag;
        }

        @Override
        public Set<String> productAttributes() {
            return Set.of("id");
        }

        @Override
        public List<String> validate(Map<String, String> attributes) {
            return attributes.containsKey("id") ? List.of() : List.of("<" + tag + "> needs an id");
        }

        @Override
        public Optional<Hydrated> hydrate(Map<String, String> attributes, Function<String, Optional<Product>> catalogue)
                throws Exception {
            return catalogue.apply(attributes.get("id")).map(p -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("title", p.title());
                f.put("price", String.format(java.util.Locale.ROOT, "%.2f", p.price()));
                return new Hydrated(tag, f);
            });
        }

        @Override
        public String renderText(Hydrated e) {
            return e.fields().get("title") + " for $" + e.fields().get("price");
        }

        @Override
        public String renderHtml(Hydrated e) {
            return "<span class=\"badge\"><b>" + MarkupElementPlugin.escapeHtml(e.fields().get("title")) + "</b> $"
                    + e.fields().get("price") + "</span>";
        }
    }

    private MarkupExtensions extensions(MarkupElementPlugin... plugins) {
        return MarkupExtensions.of(List.of(plugins), executor, Duration.ofMillis(300), warnings::add);
    }

    private Hydrator hydrator(MarkupExtensions ext) {
        return new Hydrator(shop.catalogue(), shop.store(), executor, Duration.ofMillis(300), Duration.ofSeconds(30), ext);
    }

    private List<RenderNode> stream(Hydrator h, String answer, AnswerTrace trace) {
        StreamingAnswer a = new StreamingAnswer(scope, evidence, h, new StreamingAnswerTest.Recorder());
        for (int k = 0; k < answer.length(); k += 3) {
            a.accept(answer.substring(k, Math.min(answer.length(), k + 3)));
        }
        a.finish();
        List<RenderNode> nodes = a.completed().join();
        a.recordTo(trace);
        return nodes;
    }

    @Test
    void aRegisteredTagIsAnElementAndEveryChunkingGivesTheSameEvents() {
        MarkupExtensions ext = extensions(new Badge("price-badge"));
        String answer = "Try <price-badge id=\"" + Shop.GLOVE.id() + "\"/> or <price-bad id=\"x\"/>, not <badge id=\"y\"/>.";
        MarkupStreamParser.Parsed whole = MarkupStreamParser.parse(answer, scope, ext);
        assertEquals(new MarkupStats(0, 0, 0, 0, 0, 2, 0, 0, 1), whole.stats());
        MarkupEvent.Element el = assertInstanceOf(MarkupEvent.Element.class, whole.events().get(1));
        assertEquals(new PluginElement("price-badge", Map.of("id", Shop.GLOVE.id())), el.element());
        assertEquals("<price-badge id=\"" + Shop.GLOVE.id() + "\"/>", el.markup());
        for (int cut = 1; cut < answer.length(); cut++) {
            MarkupStreamParser p = new MarkupStreamParser(scope, ext);
            List<MarkupEvent> events = new ArrayList<>(p.feed(answer.substring(0, cut)));
            events.addAll(p.feed(answer.substring(cut)));
            events.addAll(p.finish());
            assertEquals(whole.events(), MarkupStreamParser.mergeText(events), "split at " + cut);
        }
        // Without the plugin the same tag is an unknown element, shown as text.
        MarkupStreamParser.Parsed plain = MarkupStreamParser.parse(answer, scope);
        assertEquals(List.of(new MarkupEvent.Text(answer)), plain.events());
        assertEquals(3, plain.stats().unknownElements());
    }

    @Test
    void pluginProblemsIdsOutsideTheScopeAndBadSyntaxAreRejectedAsText() {
        MarkupExtensions ext = extensions(new Badge("badge"));
        String answer = "<badge/> <badge id=\"B0NOPE\"/> <badge id=\"a\" id=\"b\"/> <badge id=\"a>\"/> <badge  id=\""
                + Shop.SHOE.id() + "\"  />";
        MarkupStreamParser p = new MarkupStreamParser(scope, ext);
        List<MarkupEvent> events = new ArrayList<>(p.feed(answer));
        events.addAll(p.finish());
        assertEquals(new MarkupStats(0, 0, 0, 0, 3, 0, 1, 0, 1), p.stats());
        assertEquals(List.of("<badge> needs an id", "<badge> id=\"B0NOPE\" is not a product of this answer's evidence"),
                p.problems());
        assertEquals(new PluginElement("badge", Map.of("id", Shop.SHOE.id())),
                ((MarkupEvent.Element) MarkupStreamParser.mergeText(events).get(1)).element());
    }

    @Test
    void validationThatThrowsHangsOrReturnsNullRejectsOnlyItsElement() {
        MarkupExtensions ext = extensions(new Badge("thrower") {
            @Override
            public List<String> validate(Map<String, String> a) {
                throw new IllegalStateException("boom in validate");
            }
        }, new Badge("hanger") {
            @Override
            public List<String> validate(Map<String, String> a) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        }, new Badge("nuller") {
            @Override
            public List<String> validate(Map<String, String> a) {
                return null;
            }
        }, new Badge("badge"));
        List<String> incidents = new java.util.concurrent.CopyOnWriteArrayList<>();
        ext.onIncident((tag, detail) -> incidents.add(tag));
        String id = Shop.GLOVE.id();
        String answer = "<thrower id=\"" + id + "\"/><hanger id=\"" + id + "\"/><nuller id=\"" + id
                + "\"/><badge id=\"" + id + "\"/>";
        MarkupStreamParser p = new MarkupStreamParser(scope, ext);
        p.feed(answer);
        p.finish();
        assertEquals(new MarkupStats(0, 0, 0, 0, 3, 0, 0, 0, 1), p.stats());
        List<String> problems = p.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("validation failed") && problems.get(0).contains("boom in validate"), problems.get(0));
        assertTrue(problems.get(1).contains("timed out after 300 ms"), problems.get(1));
        assertTrue(problems.get(2).contains("returned null"), problems.get(2));
        assertEquals(List.of("thrower", "hanger", "nuller"), incidents, "each misbehaving plugin is counted, the good one is not");

        // While the hung call runs on, its tag is rejected at once instead of costing another budget.
        MarkupStreamParser again = new MarkupStreamParser(scope, ext);
        again.feed(answer);
        assertEquals(new MarkupStats(0, 0, 0, 0, 3, 0, 0, 0, 1), again.stats());
        assertTrue(again.problems().get(1).contains("overran its budget and is still running"), again.problems().get(1));
    }

    @Test
    void aHydratedPluginElementIsRenderedByItsPluginAsTextAndSafeHtml() {
        MarkupElementPlugin evil = new Badge("badge") {
            @Override
            public String renderHtml(Hydrated e) {
                return "<b onclick=\"x()\">hi</b><script>alert(1)</script><em class=\"deal\">" + e.fields().get("price");
            }

            @Override
            public String renderText(Hydrated e) {
                return "\u0007\u202e" + super.renderText(e);
            }
        };
        AnswerTrace trace = new AnswerTrace("t", "q");
        List<RenderNode> nodes = stream(hydrator(extensions(evil)), "See <badge id=\"" + Shop.GLOVE.id() + "\"/>.", trace);
        RenderNode.PluginNode node = assertInstanceOf(RenderNode.PluginNode.class, nodes.get(1));
        assertEquals("FrostGrip Winter Golf Glove for $24.99", node.text());
        assertEquals("See FrostGrip Winter Golf Glove for $24.99.", TerminalRenderer.plain().render(nodes));
        String html = new HtmlRenderer().fragment(nodes);
        assertEquals("<div class=\"answer\">See <span class=\"plugin-element\" data-tag=\"badge\">&lt;b onclick=&quot;x()&quot;&gt;"
                + "hi&lt;script&gt;alert(1)&lt;/script&gt;<em class=\"deal\">24.99</em></span>.</div>", html);
        HydrationReport report = (HydrationReport) trace.sections().get(HydrationReport.SECTION);
        assertEquals(HydrationRecord.Outcome.OK, report.records().get(0).outcome());
        assertEquals("badge " + Shop.GLOVE.id(), report.records().get(0).key());
    }

    @Test
    void aPluginLooksProductsUpOnItsOwnThreadSoABusyExecutorCannotStarveIt() {
        // One thread: the plugin's render task holds it. A catalogue lookup queued on the same executor and
        // joined from that task would wait for the thread it is holding, and the element would fall back.
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            Hydrator h = new Hydrator(shop.catalogue(), shop.store(), single, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    MarkupExtensions.of(List.of(new Badge("badge")), single, Duration.ofSeconds(5), warnings::add));
            RenderNode node = h.hydrate(0, new PluginElement("badge", Map.of("id", Shop.GLOVE.id())), Map.of()).join().node();
            assertEquals("FrostGrip Winter Golf Glove for $24.99", assertInstanceOf(RenderNode.PluginNode.class, node).text());
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aPluginThatThrowsHangsOrReturnsGarbageGivesAFallbackAndTheAnswerGoesOn() {
        String id = Shop.GLOVE.id();
        MarkupExtensions ext = extensions(new Badge("thrower") {
            @Override
            public Optional<Hydrated> hydrate(Map<String, String> a, Function<String, Optional<Product>> c) {
                throw new IllegalStateException("deal service down");
            }
        }, new Badge("hanger") {
            @Override
            public Optional<Hydrated> hydrate(Map<String, String> a, Function<String, Optional<Product>> c)
                    throws Exception {
                never.await();
                return Optional.empty();
            }
        }, new Badge("nuller") {
            @Override
            public Optional<Hydrated> hydrate(Map<String, String> a, Function<String, Optional<Product>> c) {
                return null;
            }
        }, new Badge("blank") {
            @Override
            public String renderText(Hydrated e) {
                return " ";
            }
        }, new Badge("huge") {
            @Override
            public String renderHtml(Hydrated e) {
                return "x".repeat(100_000);
            }
        }, new Badge("other-tag") {
            @Override
            public Optional<Hydrated> hydrate(Map<String, String> a, Function<String, Optional<Product>> c) {
                return Optional.of(new Hydrated("product", Map.of()));
            }
        }, new Badge("badge"));
        List<String> tags = List.of("thrower", "hanger", "nuller", "blank", "huge", "other-tag", "badge");
        StringBuilder answer = new StringBuilder("Deals:");
        tags.forEach(t -> answer.append(" <").append(t).append(" id=\"").append(id).append("\"/>"));
        answer.append(" <product id=\"").append(id).append("\"/> done.");
        AnswerTrace trace = new AnswerTrace("t", "q");
        Hydrator hydrator = hydrator(ext);
        List<RenderNode> nodes = stream(hydrator, answer.toString(), trace);
        // The hung hydration still runs: the next hanger element falls back at once.
        RenderNode.Fallback busy = assertInstanceOf(RenderNode.Fallback.class,
                hydrator.hydrate(99, new PluginElement("hanger", Map.of("id", id)), Map.of()).join().node());
        assertTrue(busy.reason().contains("still running"), busy.reason());

        List<HydrationRecord> records = ((HydrationReport) trace.sections().get(HydrationReport.SECTION)).records();
        List<String> expected = List.of("deal service down", "timed out after 300 ms", "returned null",
                "renderText returned blank text", "renderHtml returned 100000 characters", "returned a <product> for <other-tag>");
        for (int k = 0; k < expected.size(); k++) {
            HydrationRecord r = records.get(k);
            assertEquals(HydrationRecord.Outcome.FALLBACK, r.outcome(), r.toString());
            assertTrue(r.detail().contains(expected.get(k)) && r.detail().contains("PluginElementsTest"), r.detail());
            assertEquals(tags.get(k), r.kind());
        }
        assertEquals(HydrationRecord.Outcome.OK, records.get(6).outcome());
        assertEquals(HydrationRecord.Outcome.OK, records.get(7).outcome());
        long fallbacks = nodes.stream().filter(RenderNode.Fallback.class::isInstance).count();
        assertEquals(6, fallbacks);
        assertInstanceOf(RenderNode.ProductCard.class, nodes.get(nodes.size() - 2));
        String text = TerminalRenderer.plain().render(nodes);
        assertTrue(text.contains("[thrower " + id + " — details unavailable]"), text);
        assertTrue(text.endsWith(" done."), text);
        assertEquals(new MarkupStats(1, 0, 0, 0, 0, 0, 0, 0, 7), trace.sections().get(MarkupStats.SECTION));
    }

    @Test
    void badTagsBuiltInTagsAndDuplicatesAreLeftOutWithAWarning() {
        MarkupExtensions ext = extensions(new Badge("Deal"), new Badge("product"), new Badge("deal"), new Badge("deal"),
                new Badge("x-"));
        assertEquals(Set.of("deal"), ext.tags());
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("tag 'Deal' must be lower-case"), warnings.get(0));
        assertTrue(warnings.get(1).contains("'product' is built in"), warnings.get(1));
        assertTrue(warnings.get(2).contains("already taken"), warnings.get(2));
        assertEquals(List.of("deal"), ext.productIdTags());
    }

    @Test
    void pluginHtmlKeepsSimpleInlineMarkupOnly() {
        assertEquals("<span class=\"a\" data-x=\"1 &amp; 2\"><strong>Save</strong> 5%</span>",
                PluginHtml.sanitize("<span class=\"a\" data-x=\"1 & 2\"><strong>Save</strong> 5%"));
        assertEquals("&lt;a href=&quot;https://x&quot;&gt;x&lt;/a&gt; &lt;img src=x onerror=y&gt;a &amp; b",
                PluginHtml.sanitize("<a href=\"https://x\">x</a> <img src=x onerror=y>a &amp; b"));
        assertEquals("<i>a</i>b<br>", PluginHtml.sanitize("<i>a</b></i>b<br>"));
    }

    @Test
    void theConstrainedGrammarOffersPluginTagsWithEvidenceProductsOnly() {
        MarkupGrammar g = new MarkupGrammar(Set.of(Shop.GLOVE.id()), Set.of("E1"), List.of("deal"));
        assertNotNull(g.run(MarkupGrammar.TEXT, "a <deal id=\"" + Shop.GLOVE.id() + "\"/> b"));
        assertEquals(MarkupGrammar.TEXT, g.run(MarkupGrammar.TEXT, "<deal id=\"" + Shop.GLOVE.id() + "\"/>"));
        assertNull(g.run(MarkupGrammar.TEXT, "<deal id=\"B0NOPE"));
        assertNull(new MarkupGrammar(Set.of(Shop.GLOVE.id()), Set.of("E1")).run(MarkupGrammar.TEXT, "<deal"));
    }
}
