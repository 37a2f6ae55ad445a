package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.serving.bench.BenchPrompt;
import dev.aisle.engine.serving.bench.PromptSource;
import dev.aisle.engine.serving.setup.ServingOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingLoadTest {

    @Test
    void aRunPlaysThePromptsItIsGivenAndBuildsThemOffTheCallersThread() throws Exception {
        AtomicReference<String> builtOn = new AtomicReference<>();
        try (ServingLoad load = new ServingLoad(ServingOptions.defaults(), new ServingMetrics("continuous"), List.of(),
                new PluginIncidents(), (tokenizer, run) -> {
                    builtOn.set(Thread.currentThread().getName());
                    return new ShortPrompts();
                })) {
            CompletableFuture<String> summary = new CompletableFuture<>();
            load.start(new LoadGenerator.Settings(4, 1, "continuous", "cpu"), summary::complete);
            String line = summary.get(120, TimeUnit.SECONDS);
            assertTrue(line.startsWith("continuous on cpu"), line);
            assertTrue(line.contains("4 requests"), line);
            assertNotEquals(Thread.currentThread().getName(), builtOn.get(), "prompts were built on the caller's thread");
        }
    }

    /** Four-token prompts with two-token answers: the run is about who builds them, not about speed. */
    private static final class ShortPrompts implements PromptSource {
        @Override
        public String name() {
            return "short";
        }

        @Override
        public BenchPrompt prompt(int index) {
            return new BenchPrompt("s" + index, new int[]{10, 11, 12, 13 + index % 5}, 2);
        }
    }
}
