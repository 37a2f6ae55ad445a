package dev.aisle.engine.serving.setup;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.LoadedModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.NeuronBackend;
import dev.aisle.engine.serving.backend.ShapeBucketingBackend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.bench.BenchSubject;
import dev.aisle.engine.serving.bench.EvidencePromptSource;
import dev.aisle.engine.serving.bench.Flops;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.IterationScheduler;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import dev.aisle.engine.serving.scheduler.StaticBatchScheduler;
import dev.aisle.engine.spi.BackendPlugin;
import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A model, its tokenizer and a backend, ready for schedulers: what {@code aisle bench} and
 * {@code aisle serve} build from their options. Owns and closes all of it (native memory
 * included) in one place. The backend is a built-in one or a plugin's ({@link BackendChoice}).
 */
public final class ServingStack implements BenchSubject, AutoCloseable {

    private final ServingOptions options;
    private final NDManager manager;
    private final LlamaModel model;
    private final LlamaConfig config;
    private final ShopTokenizer tokenizer;
    private final Backend backend;
    private final String modelId;
    /** The plugins a plugin backend came from, when this stack loaded them itself; closed last. */
    private PluginRegistry ownedPlugins;

    private ServingStack(ServingOptions options, NDManager manager, LlamaModel model, ShopTokenizer tokenizer,
                         Backend backend, String modelId) {
        this.options = options;
        this.manager = manager;
        this.model = model;
        this.config = model.config();
        this.tokenizer = tokenizer;
        this.backend = backend;
        this.modelId = modelId;
    }

    /**
     * Opens a stack on {@code options.backend()}. A name that is not built in is looked up in the
     * plugins of the classpath and of {@code AISLE_HOME/plugins/}, which the stack then keeps loaded
     * until it closes.
     */
    public static ServingStack open(ServingOptions options) {
        if (BackendChoice.builtIn(options.backend())) {
            return open(options, List.of());
        }
        PluginRegistry plugins = PluginRegistry.load(AisleHome.fromEnvironment().pluginsDir(),
                ServingStack.class.getClassLoader());
        try {
            ServingStack stack = open(options, plugins.backends(), plugins.incidents());
            stack.ownedPlugins = plugins;
            return stack;
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    /**
     * Opens a stack whose backend is built in or one of {@code plugins} (which the caller keeps loaded).
     *
     * @throws IllegalArgumentException for a name nothing offers, listing what is offered
     * @throws IllegalStateException    when a plugin backend fails to start or does not fit the model, naming the plugin
     */
    public static ServingStack open(ServingOptions options, List<BackendPlugin> plugins) {
        return open(options, plugins, new PluginIncidents());
    }

    /** As {@link #open(ServingOptions, List)}, recording a plugin backend's failed or cut-off steps in {@code incidents}. */
    public static ServingStack open(ServingOptions options, List<BackendPlugin> plugins, PluginIncidents incidents) {
        Optional<BackendPlugin> plugin = Optional.empty();
        if (!BackendChoice.builtIn(options.backend())) {
            plugin = BackendChoice.plugin(options.backend(), plugins);
            if (plugin.isEmpty()) {
                throw new IllegalArgumentException(BackendChoice.unknown(options.backend(), plugins));
            }
        }
        if (options.backend().equals("neuron")) {
            NeuronBackend.open(options.shapes()); // throws, naming what is missing
        }
        NDManager manager = NDManager.newBaseManager("PyTorch");
        LlamaModel model = null;
        ShopTokenizer tokenizer = null;
        try {
            String modelId;
            if (options.modelDir().isPresent()) {
                LoadedModel loaded = new ModelDirectory(options.modelDir().get()).load(manager);
                model = loaded.model();
                tokenizer = loaded.tokenizer();
                modelId = "aisle-" + options.modelDir().get().getFileName();
            } else {
                LlamaConfig c = LlamaConfig.defaultShape();
                model = LlamaModel.random(c, manager, options.seed());
                Path dir = AisleHome.fromEnvironment().runsDir().resolve("serving")
                        .resolve("tokenizer-" + c.vocabSize() + "-" + options.seed());
                tokenizer = Files.isRegularFile(dir.resolve("tokenizer.json"))
                        ? ShopTokenizer.load(dir.resolve("tokenizer.json"))
                        : EvidencePromptSource.trainTokenizer(c.vocabSize(), options.seed(), dir);
                modelId = "aisle-random-d" + c.hiddenSize() + "-l" + c.numHiddenLayers();
            }
            LlamaModel weights = model;
            Backend backend;
            if (plugin.isPresent()) {
                backend = PluginBackend.create(plugin.get(), options.modelDir(), model.config(), options.kvBlocks(),
                        options.blockSize(), () -> new CpuBackend(weights, options.kvBlocks(), options.blockSize()), incidents);
            } else {
                backend = new CpuBackend(model, options.kvBlocks(), options.blockSize());
                if (options.backend().equals("neuron-profile")) {
                    backend = new ShapeBucketingBackend(backend, options.shapes());
                }
            }
            return new ServingStack(options, manager, model, tokenizer, backend, modelId);
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            if (model != null) {
                model.close();
            }
            manager.close();
            throw e;
        }
    }

    @Override
    public BackendInfo backendInfo() {
        return backend.info();
    }

    @Override
    public String modelDescription() {
        return modelId + " (d" + config.hiddenSize() + ", " + config.numHiddenLayers() + " layers, vocab "
                + config.vocabSize() + ")";
    }

    @Override
    public long parameters() {
        return config.parameterCount();
    }

    @Override
    public double flopsPerToken(int context) {
        return Flops.perToken(config, context);
    }

    /** The scheduler limits, tightened to the shape profile when shapes are static. */
    @Override
    public SchedulerConfig schedulerConfig() {
        int running = options.maxRunning();
        int tokens = options.maxBatchedTokens();
        if (options.backend().equals("neuron-profile")) {
            running = Math.min(running, options.shapes().maxBatch());
            tokens = Math.min(tokens, options.shapes().maxContextChunk());
        }
        return new SchedulerConfig(running, tokens, options.maxWaiting(), endTokenId());
    }

    /** "continuous", "static" or "sequential" on this stack's backend. */
    @Override
    public IterationScheduler newScheduler(String kind) {
        SchedulerConfig c = schedulerConfig();
        return switch (kind) {
            case "continuous" -> new ContinuousScheduler(backend, c);
            case "static" -> new StaticBatchScheduler(backend, c);
            case "sequential" -> StaticBatchScheduler.sequential(backend, c);
            default -> throw new IllegalArgumentException("scheduler must be continuous, static or sequential, got \""
                    + kind + "\"");
        };
    }

    public int endTokenId() {
        return tokenizer.specialId(ChatTokens.END);
    }

    public LlamaConfig config() {
        return config;
    }

    public ShopTokenizer tokenizer() {
        return tokenizer;
    }

    public Backend backend() {
        return backend;
    }

    public String modelId() {
        return modelId;
    }

    public ServingOptions options() {
        return options;
    }

    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            tokenizer.close();
            model.close();
            manager.close();
            if (ownedPlugins != null) {
                ownedPlugins.close();
            }
        }
    }
}
