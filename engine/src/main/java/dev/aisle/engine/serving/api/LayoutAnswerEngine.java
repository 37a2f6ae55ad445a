package dev.aisle.engine.serving.api;

import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.RequestHandle;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.StreamDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The answer engine until the assistant pipeline plugs in: the chat is rendered with
 * {@link PromptLayout} (system message, earlier turns, last user message; no evidence) and
 * generated on the scheduler, streaming text through the tokenizer's UTF-8-safe stream decoder.
 */
public final class LayoutAnswerEngine implements AnswerEngine {

    private final ServingEngine engine;
    private final ShopTokenizer tokenizer;
    private final String modelId;
    private final AtomicLong ids = new AtomicLong();

    public LayoutAnswerEngine(ServingEngine engine, ShopTokenizer tokenizer, String modelId) {
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public AnswerStream answer(ChatQuery query, Consumer<String> textDeltas) {
        int[] prompt = encode(query.messages());
        long seed = query.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        // Any chat special token the model emits (a new turn, a stray role marker) ends the answer: it is
        // layout, never text for the shopper.
        int[] specials = tokenizer.specialTokens().values().stream().mapToInt(Integer::intValue).toArray();
        GenerationRequest request = new GenerationRequest("chat-" + ids.incrementAndGet(), prompt, query.maxTokens(),
                new SamplingParams(query.temperature(), 0, query.topP(), seed), specials, Optional.empty());
        StreamDecoder decoder = tokenizer.streamDecoder();
        StopMatcher stops = new StopMatcher(query.stop());
        StringBuilder text = new StringBuilder();
        // The first tokens may arrive on the scheduler thread before submit() returns the handle.
        StopLatch stopLatch = new StopLatch();
        RequestHandle handle = engine.submit(request, (token, index, nanos) -> {
            String safe = stops.accept(decoder.accept(token));
            if (!safe.isEmpty()) {
                text.append(safe);
                textDeltas.accept(safe);
            }
            if (stops.stopped()) {
                stopLatch.stop();
            }
        });
        stopLatch.attach(handle);
        CompletableFuture<AnswerResult> result = handle.result().thenApply(r -> {
            // The scheduler completes the future after the last token callback, on the same thread.
            if (r.finishReason() != FinishReason.REJECTED && !stops.stopped()) {
                String tail = stops.accept(decoder.flush()) + stops.flush();
                if (!tail.isEmpty()) {
                    text.append(tail);
                    textDeltas.accept(tail);
                }
            }
            // A stop string that completes on the last allowed token still ends the answer as "stop".
            FinishReason reason = stops.stopped() ? FinishReason.STOP : r.finishReason();
            return new AnswerResult(text.toString(), reason, r.detail(), r.promptTokens(),
                    r.outputTokenCount());
        });
        return new AnswerStream(result, handle::cancel);
    }

    private int[] encode(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        String system = PromptLayout.DEFAULT_SYSTEM;
        List<PromptLayout.Turn> history = new ArrayList<>();
        String pendingUser = null;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            String content = m.content() == null ? "" : m.content();
            switch (m.role()) {
                case "system", "developer" -> system = content;
                case "user" -> {
                    if (pendingUser != null) {
                        history.add(new PromptLayout.Turn(pendingUser, ""));
                    }
                    pendingUser = content;
                }
                case "assistant" -> {
                    history.add(new PromptLayout.Turn(pendingUser == null ? "" : pendingUser, content));
                    pendingUser = null;
                }
                default -> throw new IllegalArgumentException("messages[" + i + "].role must be system, user or "
                        + "assistant, got \"" + m.role() + "\"");
            }
        }
        if (pendingUser == null) {
            throw new IllegalArgumentException("the last message must have role \"user\"");
        }
        return tokenizer.encodePrompt(system, List.of(), history, pendingUser);
    }

    /** Calls {@link RequestHandle#stop()} once the handle is known, whichever comes first. */
    private static final class StopLatch {
        private RequestHandle handle;
        private boolean stopWanted;

        synchronized void stop() {
            stopWanted = true;
            if (handle != null) {
                handle.stop();
            }
        }

        synchronized void attach(RequestHandle h) {
            handle = h;
            if (stopWanted) {
                h.stop();
            }
        }
    }
}
