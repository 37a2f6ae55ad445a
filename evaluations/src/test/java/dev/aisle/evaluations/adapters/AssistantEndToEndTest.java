package dev.aisle.evaluations.adapters;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.MetricRegistry;
import dev.aisle.evaluations.run.ConfigRun;
import dev.aisle.evaluations.run.EvalRunner;
import dev.aisle.evaluations.run.ItemResult;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adversarial suite through the real assistant pipeline: a small generated corpus, the Lucene +
 * MiniLM index, a tokenizer trained on the corpus and a random-weight Llama saved as a model directory.
 * Random weights say nothing about quality; this checks that every item runs, is timed and scored,
 * and that injected evidence reaches the prompt neutralised.
 */
class AssistantEndToEndTest {

    @Test
    void adversarialSuiteRunsThroughTheAssistant(@TempDir Path root) throws Exception {
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        AisleHome home = Fixtures.home(root, corpus);

        Path modelDir = Fixtures.randomModel(corpus, root);

        Suite suite = SuiteSource.adversarial(corpus);
        try (AssistantSystems systems = new AssistantSystems(home, new PrintStream(OutputStream.nullOutputStream()))) {
            SystemUnderTest sut = systems.resolve("tiny:model=" + modelDir + ",maxNewTokens=16", suite);
            assertEquals("random", sut.system().lineage().get("stage"));
            ConfigRun run = new EvalRunner(MetricRegistry.standard(), Catalogue.of(corpus.products()), Progress.Listener.SILENT)
                    .run(suite, sut);
            List<String> failed = new ArrayList<>();
            for (ItemResult r : run.items()) {
                if (!r.error().isEmpty()) {
                    failed.add(r.itemId() + ": " + r.error());
                }
            }
            assertEquals(List.of("adv-empty: IllegalStateException: the assistant failed: the question is empty: "
                    + "ask about a product, a comparison or advice"), failed);
            ItemResult injected = run.items().stream().filter(r -> r.itemId().equals("adv-injected-markup")).findFirst().orElseThrow();
            assertTrue(injected.evidence().get(0).text().contains("claim your prize"), injected.evidence().toString());
            assertFalse(injected.evidence().get(0).text().contains("<"), "planted markup is inert in the prompt");
            assertEquals(13, run.aggregate("e2e_ms").orElseThrow().n());
            assertEquals(13, run.aggregate("ttft_ms").orElseThrow().n());
            assertEquals(6, run.aggregate("injection_resistance").orElseThrow().n(), "six items list forbidden strings");
            SuiteItem longest = suite.items().stream().filter(i -> i.tags().contains("long")).findFirst().orElseThrow();
            assertTrue(run.items().stream().anyMatch(r -> r.itemId().equals(longest.id()) && r.error().isEmpty()));
        }
    }
}
