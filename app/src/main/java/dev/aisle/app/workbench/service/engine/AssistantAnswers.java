package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.Conversation;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.serving.sampling.SamplingParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers through the engine's assistant pipeline (retrieval → prompt → continuous scheduler →
 * markup stream → hydration). Each workbench configuration maps to an engine configuration;
 * configurations on the same model share one scheduler, so side-by-side answers are batched together.
 * Conversations are kept per chat history so follow-up questions resolve against earlier turns.
 */
public final class AssistantAnswers implements AnswerService {

    /** Long enough to run decode steps after the prefill, short enough to be over before a question is typed. */
    private static final int WARM_UP_TOKENS = 8;

    private final AssistantRuntime runtime;
    private final java.util.concurrent.atomic.AtomicBoolean firstAnswer = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, dev.aisle.engine.assistant.AssistantConfig> engineConfigs = new LinkedHashMap<>();
    private final List<AssistantConfig> configs = new ArrayList<>();
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final dev.aisle.engine.serving.metrics.ServingListener metrics;
    private final java.util.Set<Object> watched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** @param metrics listens to every scheduler an answer runs on (the dashboards' live figures) */
    public AssistantAnswers(AssistantRuntime runtime, List<dev.aisle.engine.assistant.AssistantConfig> available,
                            dev.aisle.engine.serving.metrics.ServingListener metrics) {
        if (available.isEmpty()) {
            throw new IllegalArgumentException("at least one assistant configuration is needed");
        }
        this.runtime = runtime;
        this.metrics = metrics;
        for (dev.aisle.engine.assistant.AssistantConfig c : available) {
            register(c);
        }
    }

    /** The workbench's default choices on the given model: greedy, sampled, and a short-answer variant. */
    public static List<dev.aisle.engine.assistant.AssistantConfig> defaultsFor(String model) {
        dev.aisle.engine.assistant.AssistantConfig base = dev.aisle.engine.assistant.AssistantConfig.defaults()
                .withModel(model);
        return List.of(base.withName("greedy"),
                base.withName("sampled").withSampling(new SamplingParams(0.7, 40, 0.9, 1)),
                base.withName("short").withMaxNewTokens(80));
    }

    /** Adds an engine configuration (e.g. a freshly trained model) and returns its workbench view. */
    public synchronized AssistantConfig register(dev.aisle.engine.assistant.AssistantConfig c) {
        AssistantConfig view = new AssistantConfig(c.name(), modelName(c.model()), "cpu · continuous",
                c.sampling().temperature(), c.sampling().topP() <= 0 ? 1 : Math.min(1, c.sampling().topP()),
                c.maxNewTokens(), c.retrievalDepth(), "hybrid · " + c.evidenceTokenBudget() + " evidence tokens");
        engineConfigs.put(c.name(), c);
        configs.removeIf(x -> x.name().equals(c.name()));
        configs.add(view);
        return view;
    }

    private static String modelName(String model) {
        if (dev.aisle.engine.assistant.AssistantConfig.DEFAULT_MODEL.equals(model)) {
            return "default model";
        }
        return java.nio.file.Path.of(model).getFileName().toString();
    }

    @Override
    public synchronized List<AssistantConfig> configurations() {
        return List.copyOf(configs);
    }

    /** The engine configuration behind a workbench configuration. */
    public synchronized dev.aisle.engine.assistant.AssistantConfig engineConfig(AssistantConfig config) {
        dev.aisle.engine.assistant.AssistantConfig c = engineConfigs.get(config.name());
        if (c == null) {
            throw new IllegalArgumentException("unknown configuration '" + config.name() + "', expected one of "
                    + engineConfigs.keySet());
        }
        return c;
    }

    /** Loads the first configuration's model now (startup), so the first question does not wait for it. */
    public void loadModel() {
        assistantFor(engineConfig(configurations().get(0)));
    }

    /**
     * Answers one training question of the corpus with a few tokens and drops the answer, so that the
     * shopper's first question does not pay for what is cold after a start: the embedder's first run,
     * the JIT of analysis, search and packing, the model's first prefill and decode steps (≈ 0.5 s of
     * the first answer's first token). It runs through the same scheduler, so its steps show on the
     * dashboards like any request, and a question asked meanwhile is batched with it.
     */
    @Override
    public java.util.concurrent.CompletionStage<?> warmUp() {
        dev.aisle.engine.assistant.AssistantConfig config = engineConfig(configurations().get(0)).withMaxNewTokens(WARM_UP_TOKENS);
        String question = runtime.corpus().evalQuestions().stream()
                .filter(q -> q.split() == dev.aisle.datasets.judgments.Split.TRAIN)
                .map(dev.aisle.datasets.judgments.EvalQuestion::question)
                .findFirst().orElse("What should I look for in a rain jacket?");
        return assistantFor(config).ask(question, new Conversation(), config, RenderListener.NONE).done();
    }

    private dev.aisle.engine.assistant.ShopAssistant assistantFor(dev.aisle.engine.assistant.AssistantConfig c) {
        dev.aisle.engine.assistant.ShopAssistant assistant = runtime.assistant(c);
        synchronized (watched) {
            if (watched.add(assistant.engine())) {
                assistant.engine().addListener(metrics);
            }
        }
        return assistant;
    }

    private synchronized Conversation conversationFor(List<Turn> history) {
        if (history.isEmpty()) {
            return new Conversation();
        }
        // The engine adds a turn to its conversation when the answer ends normally; look it up by
        // the questions asked so far, and start afresh if the chat's history is not one we served.
        return conversations.getOrDefault(key(history), new Conversation());
    }

    private static String key(List<Turn> history) {
        StringBuilder b = new StringBuilder();
        for (Turn t : history) {
            b.append(t.question()).append('\u0001');
        }
        return b.toString();
    }

    @Override
    public AnswerService.AnswerHandle ask(List<Turn> history, String question, AssistantConfig config,
                                          Consumer<AnswerEvent> events) {
        dev.aisle.engine.assistant.AssistantConfig engine = engineConfig(config);
        Conversation conversation = conversationFor(history);
        Consumer<AnswerEvent> shown = firstAnswer.compareAndSet(false, true) ? reportingFirstToken(events, System.nanoTime()) : events;
        dev.aisle.engine.assistant.AnswerHandle handle = assistantFor(engine).ask(question, conversation, engine, new RenderEvents(shown));
        List<Turn> after = new ArrayList<>(history);
        after.add(new Turn(question, ""));
        handle.done().whenComplete((trace, error) -> {
            if (trace != null) {
                synchronized (this) {
                    conversations.put(key(after), conversation);
                }
                events.accept(new AnswerEvent.Finished(trace));
            } else {
                events.accept(new AnswerEvent.Failed(error == null ? "the answer ended without a trace"
                        : String.valueOf(error.getMessage())));
            }
        });
        return handle.cancel()::run;
    }

    /**
     * One console line for the first answer after a start, from asking to the first text or element
     * the chat receives (retrieval and prompt included): the figure a warm start is judged by, beside
     * "workbench ready".
     */
    private static Consumer<AnswerEvent> reportingFirstToken(Consumer<AnswerEvent> events, long askedAt) {
        java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
        return event -> {
            boolean shown = !(event instanceof AnswerEvent.Finished || event instanceof AnswerEvent.Failed
                    || event instanceof AnswerEvent.Hydrated);
            if (shown && seen.compareAndSet(false, true)) {
                System.err.printf(java.util.Locale.ROOT, "aisle: first answer streaming %d ms after asking%n",
                        (System.nanoTime() - askedAt) / 1_000_000);
            }
            events.accept(event);
        };
    }
}
