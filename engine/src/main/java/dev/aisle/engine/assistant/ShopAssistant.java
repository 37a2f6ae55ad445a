package dev.aisle.engine.assistant;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.generate.DecodingConstraint;
import dev.aisle.engine.generate.GroundedValues;
import dev.aisle.engine.generate.LayoutConstraint;
import dev.aisle.engine.generate.MarkupConstraint;
import dev.aisle.engine.generate.MeasureUnits;
import dev.aisle.engine.generate.NumberConstraint;
import dev.aisle.engine.generate.NumberGrammar;
import dev.aisle.engine.generate.PlainIdGuard;
import dev.aisle.engine.generate.PriceConstraint;
import dev.aisle.engine.generate.ProductIdShape;
import dev.aisle.engine.generate.ProductSubject;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.markup.hydrate.StreamingAnswer;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.rag.RetrievalResult;
import dev.aisle.engine.rag.Retriever;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.GenerationResult;
import dev.aisle.engine.serving.scheduler.RequestHandle;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.StreamDecoder;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final MeasureUnits units;
    private MarkupConstraint.Vocabulary vocabulary;
    private NumberGrammar numberGrammar;
    private Optional<ProductIdShape> catalogueIdShape;

    public ShopAssistant(String modelId, Retriever retriever, ShopTokenizer tokenizer, ServingEngine engine,
                         Hydrator hydrator, ExecutorService executor, int maxContext) {
        this(modelId, retriever, tokenizer, engine, hydrator, executor, maxContext, MeasureUnits.common());
    }

    /** @param units the units the catalogue writes numbers with, which grounded numbers guard */
    public ShopAssistant(String modelId, Retriever retriever, ShopTokenizer tokenizer, ServingEngine engine,
                         Hydrator hydrator, ExecutorService executor, int maxContext, MeasureUnits units) {
        this.units = units;
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
        Decoding decoding = decoding(config, retrieval.analysis(),
                retrieval.products().stream().map(dev.aisle.engine.rag.retrieve.ProductHit::productId).toList(),
                prompt.evidence(), scope, asked);
        GenerationRequest request = new GenerationRequest(trace.id(), prompt.ids(), config.maxNewTokens(),
                config.sampling(), stopTokens(), Optional.empty(), DecodingConstraint.all(decoding.constraints()));
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
            if (decoding.markup() != null) {
                trace.putSection("constraint", decoding.section());
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
     * What the decoding constraints saw ({@code constraint} section): where the markup ended and what it had
     * to forbid; how many amounts a "$" could spell (-1 when prices were not constrained); how many ratings
     * and measures the answer could state, how often the model's first choice was one the evidence does not
     * state, and how often the sentence's product changed (-1 when numbers were not constrained); and the
     * intent layout (null when off); and how often the model's first choice would have begun a bare product id
     * in free text (-1 when no id guard ran: markup unconstrained, or the catalogue's ids share no prefix).
     */
    public record ConstraintSection(String finalState, int violations, int priceAmounts, int numberValues,
                                    int numberRefusals, int subjectSwitches, LayoutSection layout, int idRefusals) {
    }

    /**
     * The intent layout of one answer: the intent, what the answer needed before it could end, whether it
     * got it, at which token the element's opening was forced (-1: never), how often the model tried to end
     * too early, and how many evidence products its cards could show out of how many.
     */
    public record LayoutSection(String intent, String need, boolean satisfied, int forcedAt, int endsRefused,
                                int cardProducts, int evidenceProducts) {
    }

    /** The constraints of one answer and what the trace reports about them. */
    private record Decoding(MarkupConstraint markup, boolean groundedPrices, GroundedValues values, ProductSubject subject,
                            NumberConstraint numbers, LayoutConstraint layout, PlainIdGuard ids, Intent intent,
                            int cardProducts, int evidenceProducts, List<DecodingConstraint> constraints) {

        ConstraintSection section() {
            LayoutSection l = layout == null ? null : new LayoutSection(intent.name(), layout.need().name(),
                    layout.satisfied(), layout.forcedAt(), layout.endsRefused(), cardProducts, evidenceProducts);
            return new ConstraintSection(markup.state().toString(), markup.violations(),
                    groundedPrices ? values.priceCount() : -1,
                    numbers == null ? -1 : values.numberCount(), numbers == null ? -1 : numbers.refusals(),
                    subject == null ? -1 : subject.switches(), l, ids == null ? -1 : ids.refusals());
        }
    }

    /**
     * The decoding constraints of one answer. Constrained decoding keeps markup well-formed and its ids inside
     * this answer's evidence (the parser still checks everything, so an unconstrained configuration is safe
     * too); prices, ratings and measures are copied from the evidence, never invented, since a tiny model
     * misspells digits it has seen; and the intent layout makes the answer carry the element its question needs.
     */
    private Decoding decoding(AssistantConfig config, QuestionAnalysis analysis, List<String> ranked,
                              List<EvidenceLine> evidence, MarkupScope scope, String asked) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (String id : scope.productIds()) {
            hydrator.catalogueProduct(id).ifPresent(p -> products.put(id, p));
        }
        Set<String> cards = config.intentLayout() ? cardProducts(analysis, ranked, scope.productIds(), products)
                : scope.productIds();
        MarkupConstraint markup = config.constrainedMarkup()
                ? new MarkupConstraint(vocabulary(), cards, scope.evidenceLabels(), hydrator.extensions().productIdTags()) : null;
        boolean bind = config.productBinding() && (config.groundedPrices() || config.groundedNumbers());
        Map<String, String> titles = new LinkedHashMap<>();
        products.forEach((id, p) -> titles.put(id, p.title()));
        List<String> about = analysis.referencedProductIds().stream().filter(scope.productIds()::contains).toList();
        ProductSubject subject = bind ? new ProductSubject(vocabulary(), titles,
                about.size() == 1 ? Optional.of(about.get(0)) : Optional.empty()) : null;
        GroundedValues values = config.groundedPrices() || config.groundedNumbers()
                ? GroundedValues.of(evidence, titles, asked, numberGrammar()) : null;
        List<DecodingConstraint> constraints = new ArrayList<>();
        if (subject != null) {
            constraints.add(subject);
        }
        PlainIdGuard ids = null;
        if (markup != null) {
            constraints.add(markup);
            Optional<ProductIdShape> shape = idShape(scope.productIds());
            if (shape.isPresent()) {
                ids = new PlainIdGuard(vocabulary(), shape.get());
                constraints.add(ids);
            }
        }
        if (config.groundedPrices()) {
            constraints.add(bind ? new PriceConstraint(vocabulary(), values, subject)
                    : new PriceConstraint(vocabulary(), values.prices(Optional.empty())));
        }
        NumberConstraint numbers = config.groundedNumbers()
                ? new NumberConstraint(vocabulary(), numberGrammar(), values, subject) : null;
        if (numbers != null) {
            constraints.add(numbers);
        }
        LayoutConstraint layout = null;
        if (config.intentLayout() && markup != null) {
            layout = new LayoutConstraint(vocabulary(), need(analysis.intent(), cards), markup, config.maxNewTokens());
            constraints.add(layout);
        }
        return new Decoding(markup, config.groundedPrices(), values, subject, numbers, layout, ids, analysis.intent(),
                cards.size(), scope.productIds().size(), constraints);
    }

    /** What an answer of this intent must contain before it may end, given the products its cards may show. */
    static LayoutConstraint.Need need(Intent intent, Set<String> cards) {
        return switch (intent) {
            case COMPARISON -> cards.size() >= 2 ? LayoutConstraint.Need.COMPARE : LayoutConstraint.Need.NONE;
            case RECOMMENDATION, PRODUCT_DETAIL -> cards.isEmpty() ? LayoutConstraint.Need.NONE : LayoutConstraint.Need.PRODUCT;
            case ADVICE -> LayoutConstraint.Need.WORDS;
            case STORE_SERVICE -> LayoutConstraint.Need.SERVICE;
        };
    }

    /**
     * The evidence products an answer's cards may show: for a recommendation those that meet the question's
     * limits, for a comparison the products it names (when the evidence has two or more of them), for a detail
     * question the product asked about (when the evidence has it; else retrieval's best
     * product of the evidence, {@code ranked} first to last); all of them otherwise,
     * and all of them when none qualifies (the answer then says so, with the closest product).
     */
    static Set<String> cardProducts(QuestionAnalysis analysis, List<String> ranked, Set<String> evidenceProducts,
                                    Map<String, Product> catalogue) {
        Set<String> out = new java.util.TreeSet<>();
        if (analysis.intent() == Intent.RECOMMENDATION) {
            for (String id : evidenceProducts) {
                Product p = catalogue.get(id);
                if (p != null && ProductFit.fits(p, analysis.constraints())) {
                    out.add(id);
                }
            }
        } else if (analysis.intent() == Intent.COMPARISON) {
            // "X vs Y": the compare element sets the products asked about against each other when the evidence has both.
            List<String> asked = analysis.referencedProductIds().stream().filter(evidenceProducts::contains).toList();
            if (asked.size() >= 2) {
                out.addAll(asked);
            }
        } else if (analysis.intent() == Intent.PRODUCT_DETAIL) {
            analysis.referencedProductIds().stream().filter(evidenceProducts::contains).forEach(out::add);
            // No product named that the evidence has: the question is still about one product, retrieval's best.
            ranked.stream().filter(evidenceProducts::contains).findFirst().filter(p -> out.isEmpty()).ifPresent(out::add);
        }
        return out.isEmpty() ? evidenceProducts : out;
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

    /**
     * How the catalogue's product ids look, learned once from the retriever's catalogue; a retriever that does
     * not know its catalogue leaves it to this answer's evidence products.
     */
    private Optional<ProductIdShape> idShape(Set<String> evidenceProducts) {
        synchronized (this) {
            if (catalogueIdShape == null) {
                catalogueIdShape = ProductIdShape.of(retriever.catalogueProductIds());
            }
        }
        return catalogueIdShape.isPresent() ? catalogueIdShape : ProductIdShape.of(evidenceProducts);
    }

    /** The number automaton for this shop's units, built once. */
    private synchronized NumberGrammar numberGrammar() {
        if (numberGrammar == null) {
            numberGrammar = new NumberGrammar(units);
        }
        return numberGrammar;
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
