package dev.aisle.engine.serving.api;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.PrefixHashBackend;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official OpenAI Java client, unchanged, against our server on loopback. */
class OpenAiClientTest {

    @TempDir
    static Path dir;
    static ShopTokenizer tokenizer;
    static ContinuousScheduler engine;
    static OpenAiServer server;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("Warm waterproof golf gloves number " + i + " grip the club in rain and cold; reviews say "
                    + (i % 3 == 0 ? "great value" : "runs small") + ".");
        }
        TokenizerJson.write(BpeTrainer.forChat(400).addAll(texts).train(), dir.resolve("tokenizer.json"));
        tokenizer = ShopTokenizer.load(dir.resolve("tokenizer.json"));
        PrefixHashBackend backend = new PrefixHashBackend(tokenizer.vocabSize(), 512, 8, 256, 1_000_003);
        engine = new ContinuousScheduler(backend, SchedulerConfig.defaults(PrefixHashBackend.END));
        engine.start();
        server = new OpenAiServer(new LayoutAnswerEngine(engine, tokenizer, "aisle-test"), 16).start("127.0.0.1", 0);
        client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1").apiKey("unused")
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
        tokenizer.close();
    }

    private static ChatCompletionCreateParams.Builder question(int maxTokens) {
        return ChatCompletionCreateParams.builder().model("aisle-test")
                .addSystemMessage("You are the store's assistant.")
                .addUserMessage("Which gloves keep hands warm but still grip the club?")
                .maxCompletionTokens(maxTokens).temperature(0.0).seed(7);
    }

    @Test
    void nonStreamingAnswerWithUsage() {
        ChatCompletion c = client.chat().completions().create(question(12).build());
        assertEquals("aisle-test", c.model());
        ChatCompletion.Choice choice = c.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.LENGTH, choice.finishReason());
        assertFalse(choice.message().content().orElse("").isEmpty());
        CompletionUsage usage = c.usage().orElseThrow();
        assertEquals(12, usage.completionTokens());
        assertTrue(usage.promptTokens() > 10);
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
    }

    @Test
    void streamedDeltasAddUpToTheSameAnswerAndEndWithUsage() {
        String whole = client.chat().completions().create(question(12).build()).choices().get(0).message()
                .content().orElseThrow();
        StringBuilder text = new StringBuilder();
        List<String> finish = new ArrayList<>();
        CompletionUsage[] usage = new CompletionUsage[1];
        ChatCompletionCreateParams params = question(12)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.usage().ifPresent(u -> usage[0] = u);
                for (ChatCompletionChunk.Choice ch : chunk.choices()) {
                    ch.delta().content().ifPresent(text::append);
                    ch.finishReason().ifPresent(f -> finish.add(f.asString()));
                }
            });
        }
        assertEquals(whole, text.toString());
        assertEquals(List.of("length"), finish);
        assertEquals(12, usage[0].completionTokens());
    }

    @Test
    void stopStringEndsTheAnswerBeforeIt() {
        String whole = client.chat().completions().create(question(24).build()).choices().get(0).message()
                .content().orElseThrow();
        int at = -1;
        String stop = null;
        for (int i = 3; i + 3 <= whole.length(); i++) {
            String s = whole.substring(i, i + 3);
            if (whole.indexOf(s) == i && !s.contains("\uFFFD")) {
                at = i;
                stop = s;
                break;
            }
        }
        assertTrue(at > 0, "answer too short to pick a stop string: " + whole);
        ChatCompletion c = client.chat().completions().create(question(24).stop(stop).build());
        assertEquals(whole.substring(0, at), c.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, c.choices().get(0).finishReason());
    }

    @Test
    void modelsListsTheAnswerEngine() {
        assertEquals("aisle-test", client.models().list().data().get(0).id());
    }

    @Test
    void fullQueueIsA429WithTheReason() throws Exception {
        ContinuousScheduler busy = new ContinuousScheduler(new PrefixHashBackend(tokenizer.vocabSize(), 512, 8, 64, 7),
                SchedulerConfig.defaults(PrefixHashBackend.END).withMaxWaiting(0));
        try (OpenAiServer s = new OpenAiServer(new LayoutAnswerEngine(busy, tokenizer, "busy"), 8).start("127.0.0.1", 0)) {
            OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + s.port() + "/v1")
                    .apiKey("unused").maxRetries(0).build();
            RateLimitException e = assertThrows(RateLimitException.class,
                    () -> c.chat().completions().create(question(4).build()));
            assertEquals(429, e.statusCode());
            HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + s.port() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"busy\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, raw.statusCode());
            assertTrue(raw.body().contains("queue full"), raw.body());
        } finally {
            busy.close();
        }
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"x\",\"top_p\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, raw.statusCode());
        assertTrue(raw.body().contains("top_p must be in (0, 1], got 0.0"), raw.body());
    }
}
