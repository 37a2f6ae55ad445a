package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.MetricsSource;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.support.TinyEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded engine's start: the model loads beside the corpus and index, and a warm-up answer follows. */
class EmbeddedStartupTest {

    @Test
    void theWarmUpAnswerRunsThroughTheChatsSchedulerAndEnds() throws Exception {
        TinyEngine engine = TinyEngine.get();
        try (Services services = new EmbeddedStartup(engine.freshHome(), Optional.of(engine.modelDir().toString()))
                .prepare(p -> { })) {
            assertTrue(services.description().contains("model tiny-model"), services.description());

            services.answers().warmUp().toCompletableFuture().get(60, TimeUnit.SECONDS);

            List<MetricsSource.RequestSpan> requests = services.metrics().snapshot().requests();
            assertEquals(1, requests.size(), "the warm-up is one request of the chat's scheduler: " + requests);
            assertTrue(requests.get(0).finished());
            assertTrue(requests.get(0).phases().stream().anyMatch(p -> p.kind() == MetricsSource.PhaseKind.DECODE),
                    "it decodes after its prefill: " + requests.get(0).phases());
        }
    }

    @Test
    void aModelThatCannotLoadIsReportedAndTheRestOfTheEngineStillStarts() throws Exception {
        TinyEngine engine = TinyEngine.get();
        List<EngineStartup.Progress> steps = new ArrayList<>();
        try (Services services = new EmbeddedStartup(engine.freshHome(), Optional.of("/nonexistent/model"))
                .prepare(steps::add)) {
            assertTrue(services.description().contains("no model: model directory /nonexistent/model does not exist"),
                    services.description());
            assertTrue(steps.stream().anyMatch(s -> s.fraction() < 0 && s.message().contains("/nonexistent/model")),
                    "the startup screen shows the failure: " + steps);
            assertEquals("Ready", steps.get(steps.size() - 1).stage());
        }
    }
}
