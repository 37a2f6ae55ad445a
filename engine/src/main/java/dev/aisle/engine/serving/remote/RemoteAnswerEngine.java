package dev.aisle.engine.serving.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.serving.api.AnswerEngine;
import dev.aisle.engine.serving.api.AnswerResult;
import dev.aisle.engine.serving.api.AnswerStream;
import dev.aisle.engine.serving.api.ChatMessage;
import dev.aisle.engine.serving.api.ChatQuery;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.RequestEvent.Kind;
import dev.aisle.engine.serving.metrics.ServingListener;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.serving.scheduler.GenerationResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@code remote} backend: any OpenAI-compatible endpoint (vLLM, TGI, DJL Serving, or another
 * Aisle) streamed through {@code /chat/completions}.
 *
 * <p>This is a request-level engine, not a {@link dev.aisle.engine.serving.backend.Backend}: a
 * remote server runs its own scheduler and KV cache, so it can neither take paged steps nor share
 * our block tables. It therefore plugs in where whole answers are produced ({@link AnswerEngine}),
 * limits in-flight requests itself (beyond the limit a request is rejected at once, like a full
 * queue), and reports the request events it can observe (queued, first token, tokens, finished) so
 * the same metrics and dashboards work; iteration events do not exist for it.
 */
public final class RemoteAnswerEngine implements AnswerEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String model;
    private final Optional<String> apiKey;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param base e.g. {@code http://127.0.0.1:8000/v1} */
    public RemoteAnswerEngine(URI base, String model, Optional<String> apiKey, int maxInFlight) {
        if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("remote URL must be http(s)://…/v1, got " + base);
        }
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("maxInFlight must be > 0, got " + maxInFlight);
        }
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.model = model;
        this.apiKey = apiKey;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    public void addListener(ServingListener l) {
        listeners.add(l);
    }

    @Override
    public String modelId() {
        return "remote:" + model;
    }

    @Override
    public AnswerStream answer(ChatQuery query, Consumer<String> textDeltas) {
        String id = "remote-" + ids.incrementAndGet();
        long submitted = System.nanoTime();
        emit(new RequestEvent(id, Kind.QUEUED, submitted, 0, ""));
        CompletableFuture<AnswerResult> result = new CompletableFuture<>();
        if (!inFlight.tryAcquire()) {
            String why = "remote engine busy: " + maxInFlight + " requests in flight";
            finish(id, submitted, 0, 0, 0, FinishReason.REJECTED, why, result, "");
            return new AnswerStream(result, () -> { });
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("chat/completions"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body(query)));
        apiKey.ifPresent(k -> req.header("Authorization", "Bearer " + k));
        CompletableFuture<HttpResponse<InputStream>> call = http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        call.whenComplete((resp, err) -> {
            try {
                if (err != null) {
                    finish(id, submitted, 0, 0, 0, FinishReason.ERROR, "remote " + base + " unreachable: " + err, result, "");
                } else {
                    read(id, submitted, resp, textDeltas, result);
                }
            } finally {
                inFlight.release();
            }
        });
        return new AnswerStream(result, () -> call.cancel(true));
    }

    private String body(ChatQuery q) {
        ObjectNode b = JSON.createObjectNode().put("model", model).put("stream", true)
                .put("max_tokens", q.maxTokens()).put("temperature", q.temperature()).put("top_p", q.topP());
        b.putObject("stream_options").put("include_usage", true);
        q.seed().ifPresent(s -> b.put("seed", s));
        if (!q.stop().isEmpty()) {
            q.stop().forEach(b.putArray("stop")::add);
        }
        var messages = b.putArray("messages");
        for (ChatMessage m : q.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        return b.toString();
    }

    private void read(String id, long submitted, HttpResponse<InputStream> resp, Consumer<String> deltas,
                      CompletableFuture<AnswerResult> result) {
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
            if (resp.statusCode() != 200) {
                String body = in.lines().reduce("", (a, b) -> a + b);
                FinishReason reason = resp.statusCode() == 429 ? FinishReason.REJECTED : FinishReason.ERROR;
                finish(id, submitted, 0, 0, 0, reason, "remote answered HTTP " + resp.statusCode() + ": " + body, result, "");
                return;
            }
            String finish = "stop";
            int promptTokens = 0;
            int completionTokens = 0;
            int chunks = 0;
            long first = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode n = JSON.readTree(data);
                if (n.path("usage").isObject()) {
                    promptTokens = n.path("usage").path("prompt_tokens").asInt();
                    completionTokens = n.path("usage").path("completion_tokens").asInt();
                }
                for (JsonNode c : n.path("choices")) {
                    String d = c.path("delta").path("content").asText("");
                    if (!d.isEmpty()) {
                        long now = System.nanoTime();
                        if (first == 0) {
                            first = now;
                            emit(new RequestEvent(id, Kind.FIRST_TOKEN, now, 0, ""));
                        } else {
                            emit(new RequestEvent(id, Kind.TOKEN, now, chunks, ""));
                        }
                        chunks++;
                        text.append(d);
                        deltas.accept(d);
                    }
                    if (c.hasNonNull("finish_reason")) {
                        finish = c.get("finish_reason").asText();
                    }
                }
            }
            FinishReason reason = switch (finish) {
                case "length" -> FinishReason.LENGTH;
                case "stop" -> FinishReason.STOP;
                default -> FinishReason.STOP;
            };
            finish(id, submitted, first, promptTokens, completionTokens == 0 ? chunks : completionTokens, reason, "",
                    result, text.toString());
        } catch (IOException | RuntimeException e) {
            finish(id, submitted, 0, 0, 0, FinishReason.ERROR, "reading the remote stream failed: " + e, result,
                    text.toString());
        }
    }

    private void finish(String id, long submitted, long first, int promptTokens, int completionTokens, FinishReason reason,
                        String detail, CompletableFuture<AnswerResult> result, String text) {
        long now = System.nanoTime();
        emit(new RequestEvent(id, Kind.FINISHED, now, completionTokens,
                detail.isEmpty() ? reason.wireName() : reason.wireName() + ": " + detail));
        // Token ids are not known remotely: the array only carries the count.
        GenerationResult r = new GenerationResult(id, new int[completionTokens], reason, detail, promptTokens, 0, 0, 0,
                submitted, submitted, first, now);
        for (ServingListener l : listeners) {
            l.onResult(r);
        }
        result.complete(new AnswerResult(text, reason, detail, promptTokens, completionTokens));
    }

    private void emit(RequestEvent e) {
        for (ServingListener l : listeners) {
            l.onRequest(e);
        }
    }
}
