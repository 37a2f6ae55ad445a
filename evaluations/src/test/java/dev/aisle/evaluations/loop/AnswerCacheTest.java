package dev.aisle.evaluations.loop;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.MarkupStats;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCacheTest {

    private final RuleJudge judge = new RuleJudge();

    private JudgedAnswer answer(String text) {
        SuiteItem item = SuiteItem.builder("q1", SuiteKind.ANSWER, "How much is the Acme Trail Runner 2?")
                .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(Fixtures.TRAIL)).build();
        SystemAnswer a = new SystemAnswer(text, List.of(Fixtures.evidence().get(0)), List.of(Fixtures.TRAIL, Fixtures.ROAD),
                OptionalDouble.of(12.5), OptionalDouble.empty(), Optional.of(new MarkupStats(1, 0)));
        AnswerTrace trace = new AnswerTrace("t", item.question());
        trace.finish(text, "stop");
        return JudgedAnswer.of(item, trace, a, judge.score(new Observation(item, a, Fixtures.catalogue())));
    }

    @Test
    void answersComeBackForTheSameWeightsAndConfigurationOnly(@TempDir Path root) throws Exception {
        Path model = Files.createDirectories(root.resolve("model"));
        Files.write(model.resolve("model.safetensors"), new byte[]{1, 2, 3});
        AssistantConfig greedy = AssistantConfig.defaults().withName("base");
        JudgedAnswer given = answer("It costs $129.99. <product id=\"" + Fixtures.TRAIL + "\"/>");

        AnswerCache cache = new AnswerCache(root.resolve("cache"), "sha256:corpus");
        cache.write(model, greedy, List.of(given));
        Map<String, AnswerCache.Entry> back = new AnswerCache(root.resolve("cache"), "sha256:corpus").read(model, greedy);
        assertEquals(1, back.size());
        AnswerCache.Entry e = back.get("q1");
        assertEquals(given.answer(), e.answer(), "text, evidence, ranking, timings and markup counts survive");
        assertEquals(given.traceJson(), e.traceJson());
        assertEquals(given.configJson(), e.configJson());

        assertTrue(new AnswerCache(root.resolve("cache"), "sha256:corpus")
                .read(model, greedy.withSampling(new SamplingParams(0.9, 0, 1, 3))).isEmpty(), "another configuration");
        assertTrue(new AnswerCache(root.resolve("cache"), "sha256:other").read(model, greedy).isEmpty(), "another corpus");
        Files.write(model.resolve("model.safetensors"), new byte[]{1, 2, 4});
        assertTrue(new AnswerCache(root.resolve("cache"), "sha256:corpus").read(model, greedy).isEmpty(),
                "retrained weights in the same directory never read their predecessor's answers");
        assertTrue(new AnswerCache(null, "sha256:corpus").read(model, greedy).isEmpty(), "no directory, no cache");
    }

    @Test
    void aDamagedCacheFileNamesItsLine(@TempDir Path root) throws Exception {
        Path model = Files.createDirectories(root.resolve("model"));
        Files.write(model.resolve("model.safetensors"), new byte[]{1});
        AssistantConfig greedy = AssistantConfig.defaults().withName("base");
        AnswerCache cache = new AnswerCache(root.resolve("cache"), "c");
        cache.write(model, greedy, List.of(answer("It costs $129.99.")));
        Path file;
        try (var files = Files.list(root.resolve("cache"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file) + "{not json\n");
        UncheckedIOException x = assertThrows(UncheckedIOException.class, () -> cache.read(model, greedy));
        assertTrue(x.getMessage().contains(file.getFileName() + ":2"), x.getMessage());
    }
}
