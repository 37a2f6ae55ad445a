package dev.aisle.engine.assistant;

import dev.aisle.engine.generate.DecodingConstraint;
import dev.aisle.engine.generate.MarkupConstraint;
import dev.aisle.engine.generate.PriceConstraint;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.markup.hydrate.StreamingAnswer;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.rag.RetrievalResult;
import dev.aisle.engine.rag.Retriever;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.GenerationResult;
import dev.aisle.engine.serving.scheduler.RequestHandle;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.StreamDecoder;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The assistant pipeline for one model: question → retrieval (analysis, routing, store calls,
 * evidence packing) → prompt → scheduler → token stream → markup parser → hydration, with every
 * stage appending to the answer's {@link AnswerTrace}.
 *
 * <p>{@link #ask} returns at once; retrieval runs on the given executor and generation on the
 * serving engine's own thread, so a UI thread never waits on the engine.
 */
public final class ShopAssistant {

    /** Characters of a question that enter the prompt; a longer one is cut and the cut noted. */
    static final int MAX_QUESTION_CHARS = 1_000;

    private final String modelId;
    private final Retriever retriever;
    private final ShopTokenizer tokenizer;
    private final ServingEngine engine;
    private final Hydrator hydrator;
    private final ExecutorService executor;
    private final int maxContext;
    private final AtomicLong ids = new AtomicLong();
    private MarkupConstraint.Vocabulary vocabulary;

    public ShopAssistant(String modelId, Retriever retriever, ShopTokenizer tokenizer, ServingEngine engine,
                         Hydrator hydrator, ExecutorService executor, int maxContext) {
        this.modelId = modelId;
        this.retriever = retriever;
        this.tokenizer = tokenizer;
        this.engine = engine;
        this.hydrator = hydrator;
        this.executor = executor;
        this.maxContext = maxContext;
    }

    public String modelId() {
        return modelId;
    }

    public ServingEngine engine() {
        return engine;
    }

    /**
     * Answers {@code question} in {@code conversation}; the finished exchange is added to the
     * conversation when the answer ends normally. {@code listener} receives text and elements as
     * they stream (on engine threads).
     */
    public AnswerHandle ask(String question, Conversation conversation, AssistantConfig config, RenderListener listener) {
        return ask(question, conversation, config, listener, text -> { });
    }

    /**
     * As above, and {@code rawText} also receives the model's text as generated, markup included:
     * what an API client that hydrates markup itself wants.
     */
    public AnswerHandle ask(String question, Conversation conversation, AssistantConfig config, RenderListener listener,
                            Consumer<String> rawText) {
        AnswerTrace trace = new AnswerTrace(modelId + "-" + ids.incrementAndGet(), question);
        trace.putSection("config", config);
        CompletableFuture<AnswerTrace> done = new CompletableFuture<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<RequestHandle> running = new AtomicReference<>();
        Runnable cancel = () -> {
            cancelled.set(true);
            Optional.ofNullable(running.get()).ifPresent(RequestHandle::cancel);
        };
        executor.execute(() -> {
            try {
                run(question, conversation, config, listener, rawText, trace, done, cancelled, running);
            } catch (RuntimeException e) {
                end(trace, done, listener, "", FinishReason.ERROR, describe(e));
            }
        });
        return new AnswerHandle(trace, done, cancel);
    }

    private void run(String question, Conversation conversation, AssistantConfig config, RenderListener listener,
                     Consumer<String> rawText, AnswerTrace trace, CompletableFuture<AnswerTrace> done, AtomicBoolean cancelled,
                     AtomicReference<RequestHandle> running) {
        String asked = question == null ? "" : question.strip();
        if (asked.isEmpty()) {
            end(trace, done, listener, "", FinishReason.ERROR, "the question is empty: ask about a product, a comparison or advice");
            return;
        }
        boolean truncated = asked.length() > MAX_QUESTION_CHARS;
        if (truncated) {
            asked = asked.substring(0, MAX_QUESTION_CHARS);
        }
        RetrievalResult retrieval = retriever.retrieve(asked, conversation.context(), trace);
        if (cancelled.get()) {
            end(trace, done, listener, "", FinishReason.CANCELLED, "");
            return;
        }

        long promptStart = System.nanoTime();
        Prompt prompt = fit(asked, retrieval.evidenceLines(), conversation.promptHistory(), config.maxNewTokens());
        trace.putSection(PromptSection.NAME, new PromptSection(prompt.ids().length, prompt.evidence().size(),
                retrieval.evidenceLines().size() - prompt.evidence().size(), prompt.history().size(), maxContext,
                config.maxNewTokens(), truncated));
        trace.addStage("prompt", promptStart, prompt.ids().length + " tokens");

        MarkupScope scope = MarkupScope.of(prompt.evidence(), List.of());
        StreamingAnswer answer = new StreamingAnswer(scope, prompt.evidence(), hydrator, listener);
        StreamDecoder decoder = tokenizer.streamDecoder();
        StringBuilder text = new StringBuilder();
        long generationStart = System.nanoTime();
        // Constrained decoding keeps markup well-formed and its ids inside this answer's evidence;
        // the parser still checks everything, so an unconstrained configuration is safe too.
        MarkupConstraint constraint = config.constrainedMarkup()
                ? new MarkupConstraint(vocabulary(), scope.productIds(), scope.evidenceLabels(),
                        hydrator.extensions().productIdTags()) : null;
        // Prices are copied from the evidence, never invented: a tiny model misspells digits it has seen.
        Set<String> amounts = config.groundedPrices()
                ? PriceConstraint.amounts(prompt.evidence().stream().map(EvidenceLine::text).toList(), asked) : Set.of();
        List<DecodingConstraint> constraints = new ArrayList<>();
        if (constraint != null) {
            constraints.add(constraint);
        }
        if (config.groundedPrices()) {
            constraints.add(new PriceConstraint(vocabulary(), amounts));
        }
        GenerationRequest request = new GenerationRequest(trace.id(), prompt.ids(), config.maxNewTokens(),
                config.sampling(), stopTokens(), Optional.empty(), DecodingConstraint.all(constraints));
        RequestHandle handle = engine.submit(request, (token, index, nanos) -> {
            String piece = decoder.accept(token);
            trace.addToken(token, piece);
            if (!piece.isEmpty()) {
                text.append(piece);
                rawText.accept(piece);
                answer.accept(piece);
            }
        });
        running.set(handle);
        if (cancelled.get()) {
            handle.cancel();
        }
        handle.result().whenComplete((result, error) -> {
            String tail = decoder.flush();
            if (!tail.isEmpty()) {
                text.append(tail);
                rawText.accept(tail);
                answer.accept(tail);
            }
            answer.finish();
            trace.addStage("generation", generationStart, result == null ? "failed" : result.outputTokenCount() + " tokens");
            if (result != null) {
                trace.putSection(GenerationSection.NAME, section(result));
            }
            if (constraint != null) {
                trace.putSection("constraint", new ConstraintSection(constraint.state().toString(), constraint.violations(),
                        config.groundedPrices() ? amounts.size() : -1));
            }
            FinishReason reason = result == null ? FinishReason.ERROR : result.finishReason();
            String detail = result == null ? describe(error) : result.detail();
            // Hydration never fails (failures become fallbacks), but a store may be slow: bound the wait.
            answer.completed().orTimeout(10, TimeUnit.SECONDS).whenComplete((nodes, slow) -> {
                answer.recordTo(trace);
                trace.finish(text.toString(), reason.wireName());
                if (!detail.isEmpty()) {
                    trace.putSection("error", detail);
                }
                if (reason == FinishReason.STOP || reason == FinishReason.LENGTH) {
                    List<String> shown = answer.elements().stream()
                            .flatMap(e -> productIds(e.element()).stream()).distinct().toList();
                    conversation.add(new Conversation.Turn(trace.question(), text.toString(),
                            retrieval.asPriorTurn(text.toString(), shown)));
                }
                done.complete(trace);
            });
        });
    }

    /**
     * What the markup constraint saw ({@code constraint} section): where it ended, what it had to forbid,
     * and how many amounts a "$" could spell (-1 when prices were not constrained).
     */
    public record ConstraintSection(String finalState, int violations, int priceAmounts) {
    }

    /**
     * Every chat special token ends the answer: a model that emits {@code <|user|>} or
     * {@code <|assistant|>} has left its turn, and the token's spelling must never become answer text.
     */
    private int[] stopTokens() {
        return tokenizer.specialTokens().values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The token-text table of the tokenizer, built once: it is the constraint's lookup for every token. */
    private synchronized MarkupConstraint.Vocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = MarkupConstraint.Vocabulary.of(tokenizer);
        }
        return vocabulary;
    }

    private GenerationSection section(GenerationResult r) {
        return new GenerationSection(modelId, engine.name(), r.finishReason().wireName(), r.detail(), r.promptTokens(),
                r.cachedPromptTokens(), r.outputTokenCount(), r.preemptions(), r.prefillChunks(), r.queueMs(),
                r.ttftMs(), r.tpotMs(), r.e2eMs());
    }

    private static List<String> productIds(dev.aisle.engine.markup.MarkupElement element) {
        if (element instanceof dev.aisle.engine.markup.ProductElement p) {
            return List.of(p.id());
        }
        if (element instanceof dev.aisle.engine.markup.CompareElement c) {
            return c.ids();
        }
        return List.of();
    }

    private record Prompt(int[] ids, List<EvidenceLine> evidence, List<PromptLayout.Turn> history) {
    }

    /**
     * The longest prompt that leaves room for the answer: earlier turns go first, then evidence
     * from the least relevant end. The packer already kept the evidence within its budget, so this
     * only matters for long conversations or small-context models.
     */
    private Prompt fit(String question, List<EvidenceLine> evidence, List<PromptLayout.Turn> history, int maxNewTokens) {
        List<EvidenceLine> kept = new ArrayList<>(evidence);
        List<PromptLayout.Turn> turns = new ArrayList<>(history);
        while (true) {
            int[] ids = tokenizer.encodePrompt(PromptLayout.DEFAULT_SYSTEM, kept, turns, question);
            if (ids.length + maxNewTokens <= maxContext) {
                return new Prompt(ids, List.copyOf(kept), List.copyOf(turns));
            }
            if (!turns.isEmpty()) {
                turns.remove(0);
            } else if (!kept.isEmpty()) {
                kept.remove(kept.size() - 1);
            } else {
                throw new IllegalArgumentException("the question needs " + ids.length + " tokens, and with "
                        + maxNewTokens + " for the answer that exceeds the model's context of " + maxContext);
            }
        }
    }

    private static void end(AnswerTrace trace, CompletableFuture<AnswerTrace> done, RenderListener listener,
                            String text, FinishReason reason, String detail) {
        trace.finish(text, reason.wireName());
        if (!detail.isEmpty()) {
            trace.putSection("error", detail);
        }
        listener.onFinished();
        done.complete(trace);
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
