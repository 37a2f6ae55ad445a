package dev.aisle.evaluations.report;

import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.run.Evaluation;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.run.RunResult;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.stats.Preference;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.AnswerSystem;
import dev.aisle.evaluations.system.Configuration;
import dev.aisle.evaluations.system.SystemAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    /** An "assistant" that echoes hostile text, so the report must escape it. */
    record Echo(String prefix) implements AnswerSystem {
        @Override
        public Set<SuiteKind> supportedKinds() {
            return Set.of(SuiteKind.ANSWER, SuiteKind.ADVERSARIAL);
        }

        @Override
        public SystemAnswer answer(SuiteItem item, Configuration c) {
            return SystemAnswer.text(prefix + " <script>alert('x')</script> <product id=\"" + Fixtures.TRAIL + "\"/> costs $129.99",
                    Fixtures.evidence());
        }
    }

    private static RunResult result() {
        Suite s = new Suite("adv", "test", List.of(
                SuiteItem.builder("i1", SuiteKind.ADVERSARIAL, "<img src=x onerror=alert(1)>").forbidden(List.of("alert")).build(),
                SuiteItem.builder("i2", SuiteKind.ANSWER, "trail shoes?").build()));
        List<SystemUnderTest> systems = List.of(new SystemUnderTest(new Configuration("A", Map.of()), new Echo("a")),
                new SystemUnderTest(new Configuration("B&B", Map.of("note", "<b>")), new Echo("b")));
        List<Preference> prefs = List.of(new Preference("i1", "A", "B&B", Preference.Outcome.B));
        return new Evaluation(MetricRegistry.standard(), Fixtures.catalogue(), Progress.Listener.SILENT)
                .run(s, systems, new Evaluation.Settings(1, 100, "sha256:x", List.of(), "p.jsonl", prefs));
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() {
        String html = new HtmlReport(AnswerRenderer.ESCAPED_TEXT).render(result());
        assertFalse(html.contains("<script"), "no script, and hostile text escaped");
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("B&amp;B"));
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
        assertFalse(html.contains("<link "), "no stylesheet links");
        assertTrue(html.contains("Paired comparison") && html.contains("Human preferences"));
    }

    @Test
    void markupRendererShowsCardsAndKeepsHostileTextInert() {
        String html = new HtmlReport(new MarkupAnswerRenderer(Fixtures.catalogue())).render(result());
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("data-product=\"" + Fixtures.TRAIL + "\""), "the product element became a card");
        assertTrue(html.contains("Acme Trail Runner 2"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"));
    }

    @Test
    void resultsJsonHoldsTheManifestAndEveryItem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RunResult r = result();
        ResultsJson.write(r, dir.resolve("results.json"));
        JsonNode j = new ObjectMapper().readTree(Files.readString(dir.resolve("results.json")));
        assertEquals(1, j.at("/manifest/seed").asInt());
        assertEquals("sha256:x", j.at("/manifest/corpusHash").asText());
        assertEquals(2, j.at("/runs/0/items").size());
        assertEquals(0.0, j.at("/runs/0/items/0/values/injection_resistance").asDouble(), 1e-12);
        JsonNode summary = new ObjectMapper().readTree(ResultsJson.summary(r, dir));
        assertTrue(summary.at("/configurations/A").has("groundedness"));
        assertTrue(summary.get("comparison").isArray());
    }
}
