package dev.aisle.engine.assistant;

import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.serving.api.AnswerEngine;
import dev.aisle.engine.serving.api.AnswerResult;
import dev.aisle.engine.serving.api.AnswerStream;
import dev.aisle.engine.serving.api.ChatMessage;
import dev.aisle.engine.serving.api.ChatQuery;
import dev.aisle.engine.serving.api.StopMatcher;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Puts the whole assistant (retrieval, evidence, markup) behind the OpenAI-compatible API: the
 * last user message is the question, earlier user/assistant pairs are the conversation. The
 * stream carries the model's text with its markup, for the client to hydrate.
 */
public final class AssistantAnswerEngine implements AnswerEngine {

    private final ShopAssistant assistant;
    private final AssistantConfig config;

    public AssistantAnswerEngine(ShopAssistant assistant, AssistantConfig config) {
        this.assistant = assistant;
        this.config = config;
    }

    @Override
    public String modelId() {
        return assistant.modelId();
    }

    @Override
    public AnswerStream answer(ChatQuery query, Consumer<String> textDeltas) {
        List<ChatMessage> messages = query.messages();
        Conversation conversation = new Conversation();
        String question = "";
        String pendingQuestion = null;
        for (ChatMessage m : messages) {
            switch (m.role().toLowerCase(Locale.ROOT)) {
                case "user" -> {
                    pendingQuestion = m.content();
                    question = m.content();
                }
                case "assistant" -> {
                    if (pendingQuestion != null) {
                        conversation.add(new Conversation.Turn(pendingQuestion, m.content(),
                                new ConversationContext.PriorTurn(pendingQuestion, m.content(), List.of(), List.of(), List.of())));
                        pendingQuestion = null;
                    }
                }
                default -> {
                    // The system prompt is the store's own; a client's system message does not replace it.
                }
            }
        }
        long seed = query.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        AssistantConfig asked = config.withSampling(new SamplingParams(query.temperature(), 0, query.topP(), seed))
                .withMaxNewTokens(query.maxTokens());
        StopMatcher stops = new StopMatcher(query.stop());
        StringBuilder emitted = new StringBuilder();
        AnswerHandle[] handle = new AnswerHandle[1];
        Consumer<String> filtered = delta -> {
            String safe = stops.accept(delta);
            if (!safe.isEmpty()) {
                emitted.append(safe);
                textDeltas.accept(safe);
            }
            if (stops.stopped() && handle[0] != null) {
                handle[0].cancel().run();
            }
        };
        handle[0] = assistant.ask(question, conversation, asked, RenderListener.NONE, filtered);
        if (stops.stopped()) {
            handle[0].cancel().run();
        }
        return new AnswerStream(handle[0].done().thenApply(t -> {
            String tail = stops.flush();
            if (!tail.isEmpty()) {
                emitted.append(tail);
                textDeltas.accept(tail);
            }
            return result(t, stops, emitted.toString());
        }), handle[0].cancel());
    }

    private static AnswerResult result(AnswerTrace trace, StopMatcher stops, String text) {
        FinishReason reason = stops.stopped() ? FinishReason.STOP
                : FinishReason.valueOf(trace.finishReason().toUpperCase(Locale.ROOT));
        GenerationSection g = trace.section(GenerationSection.NAME, GenerationSection.class);
        Object error = trace.sections().get("error");
        return new AnswerResult(text, reason, error == null ? "" : error.toString(),
                g == null ? 0 : g.promptTokens(), g == null ? 0 : g.outputTokens());
    }
}
