package dev.aisle.engine.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.serving.scheduler.FinishReason;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The OpenAI-compatible HTTP API on Javalin: {@code POST /v1/chat/completions} (JSON or SSE with
 * {@code stream: true}, {@code stream_options.include_usage}, {@code stop}, {@code max_tokens} /
 * {@code max_completion_tokens}, {@code temperature}, {@code top_p}, {@code seed}) and
 * {@code GET /v1/models}. Backpressure is HTTP 429 with the scheduler's reason; bad input is 400
 * naming the field.
 */
public final class OpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTINEL = "\u0000end";
    private final AnswerEngine answers;
    private final int defaultMaxTokens;
    private final long created = System.currentTimeMillis() / 1000;
    private final Javalin app;

    public OpenAiServer(AnswerEngine answers, int defaultMaxTokens) {
        this.answers = answers;
        this.defaultMaxTokens = defaultMaxTokens;
        this.app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.get("/v1/models", this::models);
        app.post("/v1/chat/completions", this::chat);
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, "invalid_request_error", e.getMessage(), e.param));
    }

    /** Starts listening; port 0 picks a free port ({@link #port()}). */
    public OpenAiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void models(Context ctx) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", answers.modelId()).put("object", "model")
                .put("created", created).put("owned_by", "aisle");
        ctx.json(list);
    }

    private static final class BadRequest extends RuntimeException {
        final String param;

        BadRequest(String param, String message) {
            super(message);
            this.param = param;
        }
    }

    private void chat(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequest(null, "request body is not valid JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest(null, "request body must be a JSON object");
        }
        ChatQuery query = parse(body);
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        String id = "chatcmpl-" + UUID.randomUUID();
        LinkedBlockingQueue<String> deltas = new LinkedBlockingQueue<>();
        AnswerStream answer;
        try {
            answer = answers.answer(query, deltas::add);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("messages", e.getMessage());
        }
        answer.result().whenComplete((r, t) -> deltas.add(SENTINEL));
        AnswerResult done = answer.result().getNow(null);
        if (done != null && done.finishReason() == FinishReason.REJECTED) {
            error(ctx, 429, "rate_limit_exceeded", "server busy: " + done.detail(), null);
            return;
        }
        if (stream) {
            stream(ctx, id, answer, deltas, includeUsage);
        } else {
            AnswerResult r = answer.result().join();
            if (r.finishReason() == FinishReason.ERROR) {
                error(ctx, 500, "server_error", r.detail(), null);
                return;
            }
            ObjectNode out = envelope(id, "chat.completion");
            ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", r.text());
            choice.put("finish_reason", finishReason(r.finishReason()));
            choice.putNull("logprobs");
            out.set("usage", usage(r));
            ctx.json(out);
        }
    }

    private void stream(Context ctx, String id, AnswerStream answer, LinkedBlockingQueue<String> deltas,
                        boolean includeUsage) throws IOException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setHeader("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        try {
            send(out, chunk(id, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
            while (true) {
                String d = deltas.poll(30, TimeUnit.SECONDS);
                if (d == null) {
                    continue;
                }
                if (d == SENTINEL) {
                    break;
                }
                StringBuilder text = new StringBuilder(d);
                // Coalesce what has already queued up, so a slow client gets fewer, larger events.
                for (String more; (more = deltas.peek()) != null && more != SENTINEL; ) {
                    text.append(deltas.poll());
                }
                send(out, chunk(id, JSON.createObjectNode().put("content", text.toString()), null));
            }
            AnswerResult r = answer.result().join();
            send(out, chunk(id, JSON.createObjectNode(), finishReason(r.finishReason())));
            if (includeUsage) {
                ObjectNode u = envelope(id, "chat.completion.chunk");
                u.putArray("choices");
                u.set("usage", usage(r));
                send(out, u);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            answer.cancel().run(); // the client went away: free its KV blocks now
        } catch (InterruptedException e) {
            answer.cancel().run();
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode chunk(String id, ObjectNode delta, String finish) {
        ObjectNode c = envelope(id, "chat.completion.chunk");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        choice.putNull("logprobs");
        return c;
    }

    private static void send(OutputStream out, ObjectNode event) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode envelope(String id, String object) {
        return JSON.createObjectNode().put("id", id).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", answers.modelId());
    }

    private static ObjectNode usage(AnswerResult r) {
        return JSON.createObjectNode().put("prompt_tokens", r.promptTokens())
                .put("completion_tokens", r.completionTokens())
                .put("total_tokens", r.promptTokens() + r.completionTokens());
    }

    /** OpenAI knows stop and length; our other reasons are passed through by name. */
    private static String finishReason(FinishReason r) {
        return r.wireName();
    }

    private ChatQuery parse(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("messages", "messages must be a non-empty array");
        }
        List<ChatMessage> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.path("role").isTextual()) {
                throw new BadRequest("messages[" + i + "].role", "messages[" + i + "].role must be a string");
            }
            list.add(new ChatMessage(m.get("role").asText(), content(m.path("content"), i)));
        }
        int n = body.path("n").asInt(1);
        if (n != 1) {
            throw new BadRequest("n", "only n = 1 is supported, got " + n);
        }
        int maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens").asInt()
                : body.path("max_tokens").asInt(defaultMaxTokens);
        if (maxTokens <= 0) {
            throw new BadRequest("max_tokens", "max_tokens must be > 0, got " + maxTokens);
        }
        double temperature = body.path("temperature").asDouble(1.0);
        if (temperature < 0 || temperature > 2) {
            throw new BadRequest("temperature", "temperature must be in [0, 2], got " + temperature);
        }
        double topP = body.path("top_p").asDouble(1.0);
        if (!(topP > 0 && topP <= 1)) {
            throw new BadRequest("top_p", "top_p must be in (0, 1], got " + topP);
        }
        Optional<Long> seed = body.hasNonNull("seed") ? Optional.of(body.get("seed").asLong()) : Optional.empty();
        List<String> stop = new ArrayList<>();
        JsonNode s = body.path("stop");
        if (s.isTextual()) {
            stop.add(s.asText());
        } else if (s.isArray()) {
            s.forEach(x -> stop.add(x.asText()));
        } else if (!s.isMissingNode() && !s.isNull()) {
            throw new BadRequest("stop", "stop must be a string or an array of strings");
        }
        if (stop.size() > 4) {
            throw new BadRequest("stop", "at most 4 stop sequences, got " + stop.size());
        }
        return new ChatQuery(list, maxTokens, temperature, topP, seed, stop);
    }

    /** Plain string content, or the array-of-parts form with text parts. */
    private static String content(JsonNode c, int i) {
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : c) {
                if (!"text".equals(part.path("type").asText())) {
                    throw new BadRequest("messages[" + i + "].content", "only text content parts are supported, got "
                            + part.path("type"));
                }
                sb.append(part.path("text").asText());
            }
            return sb.toString();
        }
        if (c.isNull() || c.isMissingNode()) {
            return "";
        }
        throw new BadRequest("messages[" + i + "].content", "messages[" + i + "].content must be a string");
    }

    private static void error(Context ctx, int status, String type, String message, String param) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode inner = e.putObject("error").put("message", message).put("type", type);
        if (param == null) {
            inner.putNull("param");
        } else {
            inner.put("param", param);
        }
        inner.put("code", type);
        ctx.status(status).json(e);
    }
}
