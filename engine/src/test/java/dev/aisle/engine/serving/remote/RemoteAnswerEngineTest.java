package dev.aisle.engine.serving.remote;

import dev.aisle.engine.serving.api.AnswerEngine;
import dev.aisle.engine.serving.api.AnswerResult;
import dev.aisle.engine.serving.api.AnswerStream;
import dev.aisle.engine.serving.api.ChatMessage;
import dev.aisle.engine.serving.api.ChatQuery;
import dev.aisle.engine.serving.api.OpenAiServer;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import dev.aisle.engine.serving.scheduler.FinishReason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remote engine against our own API on loopback, with a scripted answer engine behind it. */
class RemoteAnswerEngineTest {

    /** Streams "Warm gloves grip." word by word and reports usage. */
    static final class Scripted implements AnswerEngine {
        @Override
        public String modelId() {
            return "scripted";
        }

        @Override
        public AnswerStream answer(ChatQuery query, Consumer<String> deltas) {
            List<String> words = List.of("Warm ", "gloves ", "grip.");
            CompletableFuture<AnswerResult> f = CompletableFuture.supplyAsync(() -> {
                words.forEach(deltas);
                return new AnswerResult(String.join("", words), FinishReason.LENGTH, "", 11, 3);
            });
            return new AnswerStream(f, () -> { });
        }
    }

    @Test
    void streamsTextAndUsageAndReportsRequestEvents() {
        try (OpenAiServer server = new OpenAiServer(new Scripted(), 16).start("127.0.0.1", 0)) {
            RemoteAnswerEngine remote = new RemoteAnswerEngine(URI.create("http://127.0.0.1:" + server.port() + "/v1"),
                    "scripted", Optional.empty(), 4);
            MetricsCollector metrics = new MetricsCollector();
            remote.addListener(metrics);
            StringBuilder streamed = new StringBuilder();
            AnswerResult r = remote.answer(new ChatQuery(List.of(new ChatMessage("user", "gloves?")), 8, 0, 1,
                    Optional.of(1L), List.of()), streamed::append).result().join();
            assertEquals("Warm gloves grip.", r.text());
            assertEquals("Warm gloves grip.", streamed.toString());
            assertEquals(FinishReason.LENGTH, r.finishReason());
            assertEquals(11, r.promptTokens());
            assertEquals(3, r.completionTokens());
            assertEquals(1, metrics.snapshot().finished());
            assertEquals(1, metrics.snapshot().ttftMs().count());
        }
    }

    @Test
    void unreachableEndpointIsAnErrorNotAHang() {
        RemoteAnswerEngine remote = new RemoteAnswerEngine(URI.create("http://127.0.0.1:1/v1"), "x", Optional.empty(), 1);
        AnswerResult r = remote.answer(new ChatQuery(List.of(new ChatMessage("user", "hi")), 4, 0, 1, Optional.empty(),
                List.of()), d -> { }).result().join();
        assertEquals(FinishReason.ERROR, r.finishReason());
        assertTrue(r.detail().contains("unreachable"), r.detail());
    }
}
