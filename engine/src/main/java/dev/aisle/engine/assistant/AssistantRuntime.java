package dev.aisle.engine.assistant;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.engine.generate.MeasureUnits;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.markup.MarkupExtensions;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.route.SourceWeights;
import dev.aisle.engine.rag.services.CatalogueStoreServices;
import dev.aisle.engine.serving.scheduler.IterationScheduler;
import dev.aisle.engine.serving.setup.BackendChoice;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.serving.setup.ServingStack;
import dev.aisle.engine.spi.EvidenceSource;
import dev.aisle.engine.spi.StoreService;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the assistant runs on, opened from {@code AISLE_HOME} and closed in one place:
 * the corpus (generated on first use), the retrieval index (built when the corpus changed), one
 * serving stack and continuous scheduler per model, and the hydrator. Configurations that name
 * the same model share its scheduler, so a side-by-side comparison runs through one batcher.
 */
public final class AssistantRuntime implements AutoCloseable {

    /** Seed of the default corpus. */
    public static final long DEFAULT_CORPUS_SEED = dev.aisle.datasets.generate.CorpusGenerator.DEFAULT_SEED;

    /** How long a plugin element's validation may hold up the token stream. */
    private static final Duration PLUGIN_VALIDATION_BUDGET = Duration.ofMillis(250);

    private final AisleHome home;
    private final Corpus corpus;
    private final MeasureUnits measureUnits;
    private final RagPipeline rag;
    private final Hydrator hydrator;
    private final ExecutorService workers;
    private final PrintStream progress;
    private final PluginRegistry plugins;
    /** The backend every model of this runtime runs on: built in or a plugin's ({@link BackendChoice}). */
    private final String backend;
    private final Map<String, Loaded> models = new LinkedHashMap<>();
    /** Serving stacks started by {@link #open(AisleHome, List, String, PrintStream, List)} before the corpus was read. */
    private final Map<String, CompletableFuture<ServingStack>> preloading;

    private record Loaded(ServingStack stack, IterationScheduler scheduler, ShopAssistant assistant) {
    }

    private AssistantRuntime(AisleHome home, Corpus corpus, RagPipeline rag, PluginRegistry plugins, String backend,
                             PrintStream progress, Map<String, CompletableFuture<ServingStack>> preloading) {
        this.home = home;
        this.preloading = new LinkedHashMap<>(preloading);
        this.plugins = plugins;
        this.backend = backend;
        this.corpus = corpus;
        this.measureUnits = MeasureUnits.of(corpus.products().stream().flatMap(p -> p.attributes().stream())
                .filter(a -> a.number().isPresent()).map(dev.aisle.datasets.catalog.Attribute::unit).distinct().toList());
        this.rag = rag;
        this.progress = progress;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> daemon("aisle-assistant-" + n.incrementAndGet(), r));
        Map<String, Product> byId = corpus.products().stream()
                .collect(Collectors.toUnmodifiableMap(Product::id, Function.identity(), (a, b) -> a));
        CatalogueStoreServices services = new CatalogueStoreServices(corpus.products());
        PluginIncidents incidents = plugins.incidents();
        rag.onSourceIncident(run -> incidents.record(run.kind().equals("service") ? PluginIncidents.Kind.SERVICE
                : PluginIncidents.Kind.SOURCE, serviceName(run.source()), run.status().name().toLowerCase() + ", " + run.detail()));
        MarkupExtensions elements = MarkupExtensions.of(plugins.markupElements(), workers, PLUGIN_VALIDATION_BUDGET,
                warning -> progress.println("aisle: plugin " + warning))
                .onIncident((tag, detail) -> incidents.record(PluginIncidents.Kind.ELEMENT, tag, detail));
        this.hydrator = new Hydrator(id -> Optional.ofNullable(byId.get(id)),
                new ServiceStoreLookup(services.price(), services.stock(), services.delivery()),
                workers, Duration.ofSeconds(2), Duration.ofSeconds(30), elements);
    }

    /** A service call is traced as "service:product"; its plugin knows it as "service". */
    private static String serviceName(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /**
     * Opens the runtime, preparing what is missing. Progress lines go to {@code progress}.
     *
     * Plugins on the classpath and in {@code AISLE_HOME/plugins/} are loaded; one that fails is
     * reported in {@link #pluginStatuses()} and left out.
     *
     * @param extraSources evidence sources beyond the plugins' (tests, embedding applications)
     */
    public static AssistantRuntime open(AisleHome home, List<EvidenceSource> extraSources, PrintStream progress) {
        return open(home, extraSources, "cpu", progress);
    }

    /**
     * As {@link #open(AisleHome, List, PrintStream)}, running the models on {@code backend}: a built-in
     * name or one a loaded plugin offers.
     *
     * @throws IllegalArgumentException when nothing offers {@code backend}, listing what is offered
     */
    public static AssistantRuntime open(AisleHome home, List<EvidenceSource> extraSources, String backend,
                                        PrintStream progress) {
        return open(home, extraSources, backend, progress, List.of());
    }

    /**
     * As {@link #open(AisleHome, List, String, PrintStream)}, loading the models named in {@code preload}
     * ("default" or directories) beside the corpus and the index instead of on first use. On a warm
     * start reading the corpus, opening the index and loading the model each take seconds and need
     * nothing from one another. A model that fails to load fails when it is first asked for, as it
     * would without preloading.
     */
    public static AssistantRuntime open(AisleHome home, List<EvidenceSource> extraSources, String backend,
                                        PrintStream progress, List<String> preload) {
        PluginRegistry plugins = PluginRegistry.load(home.pluginsDir(), AssistantRuntime.class.getClassLoader());
        plugins.statuses().stream().filter(s -> s.state() == PluginStatus.State.FAILED)
                .forEach(s -> progress.println("aisle: plugin " + s.name() + " (" + s.origin() + ") not loaded: " + s.error()));
        Map<String, CompletableFuture<ServingStack>> preloading = new LinkedHashMap<>();
        try {
            if (!BackendChoice.builtIn(backend) && BackendChoice.plugin(backend, plugins.backends()).isEmpty()) {
                throw new IllegalArgumentException(BackendChoice.unknown(backend, plugins.backends()));
            }
            for (String model : preload) {
                preloading.computeIfAbsent(model, m -> CompletableFuture.supplyAsync(
                        () -> openStack(home, m, backend, plugins, progress), runnable -> daemon("aisle-model-load", runnable).start()));
            }
            // The embedder (ONNX session) loads while the corpus is read: a second of a warm start.
            CompletableFuture<MiniLmEmbedder> embedder = CompletableFuture.supplyAsync(MiniLmEmbedder::withAllCores,
                    runnable -> daemon("aisle-embedder-load", runnable).start());
            Corpus corpus;
            try {
                corpus = loadCorpus(home, progress);
            } catch (RuntimeException e) {
                embedder.thenAccept(MiniLmEmbedder::close);
                throw e;
            }
            List<EvidenceSource> sources = new ArrayList<>(plugins.evidenceSources());
            sources.addAll(extraSources);
            List<StoreService> services = new ArrayList<>();
            for (StoreService s : plugins.storeServices()) {
                // A plugin may not replace the catalogue's price, stock or delivery: skip it, say so.
                if (SourceWeights.BUILT_IN_SERVICES.contains(s.name())) {
                    progress.println("aisle: plugin store service " + s.getClass().getName() + " not used: name '"
                            + s.name() + "' is built in");
                } else {
                    services.add(s);
                }
            }
            RagPipeline rag = RagPipeline.open(home, corpus, joined(embedder), sources, services, progress);
            return new AssistantRuntime(home, corpus, rag, plugins, backend, progress, preloading);
        } catch (RuntimeException e) {
            preloading.values().forEach(AssistantRuntime::closeWhenLoaded);
            plugins.close();
            throw e;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** What {@code loading} gave, or its own failure rather than the future's wrapper. */
    private static <T> T joined(CompletableFuture<T> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void closeWhenLoaded(CompletableFuture<ServingStack> loading) {
        loading.thenAccept(ServingStack::close);
    }

    /** The plugins' markup elements the assistant's answers accept (for assistants built beside this runtime's). */
    public MarkupExtensions markupElements() {
        return hydrator.extensions();
    }

    /** The plugins' serving backends; they stay loaded until this runtime closes. */
    public List<dev.aisle.engine.spi.BackendPlugin> backendPlugins() {
        return plugins.backends();
    }

    /** Where failures and cut-offs of the plugins' contributions are counted. */
    public PluginIncidents pluginIncidents() {
        return plugins.incidents();
    }

    /** What {@code aisle plugins} and the workbench's plugin list show, with each plugin's incidents so far. */
    public List<PluginStatus> pluginStatuses() {
        return plugins.statuses();
    }

    static Corpus loadCorpus(AisleHome home, PrintStream progress) {
        Path dir = home.corpusDir();
        try {
            if (!CorpusStore.exists(dir)) {
                progress.println("aisle: generating the default corpus (seed " + DEFAULT_CORPUS_SEED + ") into " + dir);
            }
            return CorpusStore.loadOrGenerate(dir, DEFAULT_CORPUS_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the corpus in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The units the catalogue writes numbers with (and the common ones): what grounded numbers guard. */
    public MeasureUnits measureUnits() {
        return measureUnits;
    }

    public Corpus corpus() {
        return corpus;
    }

    public RagPipeline rag() {
        return rag;
    }

    public AisleHome home() {
        return home;
    }

    /** The assistant for {@code config}'s model, loading the model on first use. */
    public synchronized ShopAssistant assistant(AssistantConfig config) {
        return models.computeIfAbsent(config.model(), this::load).assistant();
    }

    /** The scheduler serving {@code config}'s model (for dashboards and load generation). */
    public synchronized IterationScheduler scheduler(AssistantConfig config) {
        return models.computeIfAbsent(config.model(), this::load).scheduler();
    }

    private Loaded load(String model) {
        CompletableFuture<ServingStack> loading = preloading.remove(model);
        ServingStack stack = loading == null ? openStack(home, model, backend, plugins, progress) : joined(loading);
        IterationScheduler scheduler = stack.newScheduler("continuous");
        scheduler.start();
        ShopAssistant assistant = new ShopAssistant(stack.modelId(), rag, stack.tokenizer(), scheduler, hydrator,
                workers, stack.config().maxPositionEmbeddings(), measureUnits);
        return new Loaded(stack, scheduler, assistant);
    }

    private static ServingStack openStack(AisleHome home, String model, String backend, PluginRegistry plugins,
                                          PrintStream progress) {
        Path dir = resolveModel(home, model);
        progress.println("aisle: loading model " + dir + (backend.equals("cpu") ? "" : " on backend " + backend));
        return ServingStack.open(ServingOptions.defaults().withModelDir(Optional.of(dir)).withBackend(backend),
                plugins.backends(), plugins.incidents());
    }

    /**
     * "default" is the shipped model (copied under {@code home}); anything else is a model
     * directory path. The evaluations record the lineage of exactly this directory.
     */
    public static Path resolveModel(AisleHome home, String model) {
        if (AssistantConfig.DEFAULT_MODEL.equals(model)) {
            return DefaultModel.materialize(home.modelsDir()).orElseThrow(() -> new IllegalStateException(
                    "no default model ships in this build (resources/…/dev/aisle/resources/model is empty); "
                            + "train one with './aisle train pretrain' and 'train sft', or pass --model DIR"));
        }
        Path dir = Path.of(model);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model directory " + dir.toAbsolutePath() + " does not exist");
        }
        return dir;
    }

    @Override
    public synchronized void close() {
        for (Loaded l : models.values()) {
            l.scheduler().close();
            l.stack().close();
        }
        models.clear();
        preloading.values().forEach(AssistantRuntime::closeWhenLoaded);
        preloading.clear();
        workers.shutdownNow();
        rag.close();
        plugins.close();
    }
}
