package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.DefaultModel;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.serving.bench.QuestionPromptSource;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.spi.EvidenceSource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Prepares the embedded engine under AISLE_HOME: corpus (generated on first run), retrieval index
 * (built when missing), the default model, the feedback store, serving metrics and the load
 * generator. Every progress line the engine prints becomes a step on the startup screen.
 */
public final class EmbeddedStartup implements EngineStartup {

    private static final int STEPS = 6;
    private final AisleHome home;
    private final Optional<String> model;

    public EmbeddedStartup(AisleHome home) {
        this(home, Optional.empty());
    }

    /** @param model the model to answer with (a directory or "default"); empty: chosen as {@link #chooseModel()} says */
    public EmbeddedStartup(AisleHome home, Optional<String> model) {
        this.home = home;
        this.model = model;
    }

    public EmbeddedStartup() {
        this(AisleHome.fromEnvironment());
    }

    @Override
    public Services prepare(Consumer<Progress> progress) {
        int[] step = {0};
        Consumer<String> say = line -> progress.accept(new Progress(stageOf(line), Math.min(0.95,
                (double) ++step[0] / (STEPS + 4)), line));
        say.accept("Opening " + home.root());
        // The feedback store (H2, migrations) opens beside the corpus, index and model instead of after them:
        // a second of the warm start.
        CompletableFuture<FeedbackStore> storeOpening = CompletableFuture.supplyAsync(() -> FeedbackStore.openEmbedded(home));
        List<Services.PluginInfo> plugins = new ArrayList<>();
        List<EvidenceSource> sources = plugins(plugins);
        // -Daisle.backend=NAME runs the chat's models on a plugin backend (default: the built-in cpu).
        AssistantRuntime runtime;
        String answering = chooseModel();
        try {
            // The chat's model loads beside the corpus and the index: none needs the others.
            runtime = AssistantRuntime.open(home, sources, System.getProperty("aisle.backend", "cpu"),
                    new PrintStream(lines(say), true, StandardCharsets.UTF_8), List.of(answering));
        } catch (RuntimeException e) {
            storeOpening.thenAccept(FeedbackStore::close);
            throw e;
        }
        try {
            say.accept("Loading the model " + answering);
            ServingMetrics metrics = new ServingMetrics("continuous");
            AssistantAnswers answers = new AssistantAnswers(runtime, AssistantAnswers.defaultsFor(answering), metrics);
            String modelNote;
            try {
                answers.loadModel();
                modelNote = "model " + answers.configurations().get(0).model();
            } catch (RuntimeException e) {
                // Without a model the other views still work; asking explains what is missing.
                modelNote = "no model: " + e.getMessage();
                progress.accept(new Progress("Loading the model", -1, modelNote));
            }
            say.accept("Opening the feedback store " + home.feedbackDb());
            FeedbackStore store = opened(storeOpening);
            Optional<java.nio.file.Path> modelDir = answering.equals(dev.aisle.engine.assistant.AssistantConfig.DEFAULT_MODEL)
                    ? DefaultModel.materialize(home.modelsDir()) : Optional.of(java.nio.file.Path.of(answering));
            // The dashboards' load asks the held-out questions through retrieval, as `bench --prompts questions`.
            ServingLoad load = new ServingLoad(ServingOptions.defaults().withModelDir(modelDir), metrics,
                    runtime.backendPlugins(), runtime.pluginIncidents(),
                    (tokenizer, run) -> QuestionPromptSource.heldOut(runtime.corpus(), runtime.rag(), tokenizer, run));
            String description = "%d products · %s · feedback in %s".formatted(runtime.corpus().products().size(),
                    modelNote, home.feedbackDb());
            progress.accept(new Progress("Ready", 1, description));
            PreferenceTraining training = new PreferenceTraining(store, answers, home,
                    () -> AssistantRuntime.resolveModel(home, answering), System.err);
            return new EngineServices(runtime, store, answers, metrics, load, new SuiteEvaluations(runtime, answers),
                    training, plugins, description);
        } catch (RuntimeException e) {
            storeOpening.thenAccept(FeedbackStore::close);
            runtime.close();
            throw e;
        }
    }

    /** The store opened in the background, or its own failure (not the future's wrapper). */
    private static FeedbackStore opened(CompletableFuture<FeedbackStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The model to answer with: {@code -Daisle.model=DIR} if given, else the shipped default model,
     * else the newest trained model under AISLE_HOME/models (sft before pretrain), else "default"
     * (asking then explains that no model ships).
     */
    private String chooseModel() {
        if (model.isPresent()) {
            return model.get();
        }
        String chosen = System.getProperty("aisle.model", "");
        if (!chosen.isBlank()) {
            return chosen;
        }
        if (DefaultModel.shipped()) {
            return dev.aisle.engine.assistant.AssistantConfig.DEFAULT_MODEL;
        }
        for (String stage : List.of("sft", "dpo", "kto", "pretrain")) {
            java.nio.file.Path dir = home.modelsDir().resolve(stage);
            if (java.nio.file.Files.isRegularFile(dir.resolve("config.json"))
                    && java.nio.file.Files.isRegularFile(dir.resolve("model.safetensors"))) {
                return dir.toString();
            }
        }
        return dev.aisle.engine.assistant.AssistantConfig.DEFAULT_MODEL;
    }

    private static String stageOf(String line) {
        String l = line.toLowerCase();
        if (l.contains("corpus")) {
            return "Preparing the corpus";
        }
        if (l.contains("index") || l.contains("embed")) {
            return "Building the retrieval index";
        }
        if (l.contains("model")) {
            return "Loading the model";
        }
        if (l.contains("feedback")) {
            return "Opening the feedback store";
        }
        return "Preparing";
    }

    /** Bare evidence-source providers on the class path (the older way), each with its version or its loading error. */
    private static List<EvidenceSource> plugins(List<Services.PluginInfo> infos) {
        List<EvidenceSource> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<EvidenceSource> p : ServiceLoader.load(EvidenceSource.class).stream().toList()) {
                try {
                    EvidenceSource source = p.get();
                    if (source.apiVersion() != EvidenceSource.API_VERSION) {
                        infos.add(new Services.PluginInfo(source.name(), "api " + source.apiVersion(), "evidence source",
                                "written for API " + source.apiVersion() + ", engine has " + EvidenceSource.API_VERSION));
                        continue;
                    }
                    found.add(source);
                    infos.add(new Services.PluginInfo(source.name(), "api " + source.apiVersion(), "evidence source", ""));
                } catch (ServiceConfigurationError e) {
                    infos.add(new Services.PluginInfo(p.type().getName(), "?", "evidence source", e.getMessage()));
                }
            }
        } catch (ServiceConfigurationError e) {
            infos.add(new Services.PluginInfo("plugins", "?", "evidence source", e.getMessage()));
        }
        return found;
    }

    /** An output stream that hands each complete line to {@code sink}. */
    private static OutputStream lines(Consumer<String> sink) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    line.reset();
                    if (!text.isEmpty()) {
                        sink.accept(text.startsWith("aisle: ") ? text.substring(7) : text);
                    }
                } else {
                    line.write(b);
                }
            }
        };
    }
}
