package dev.aisle.evaluations.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.assistant.AnswerHandle;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.Conversation;
import dev.aisle.engine.assistant.DefaultModel;
import dev.aisle.engine.assistant.ShopAssistant;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.pack.EvidencePacker;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.evaluations.metric.ClaimExtractor;
import dev.aisle.evaluations.run.SystemResolver;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.suite.Turn;
import dev.aisle.evaluations.system.AnswerSystem;
import dev.aisle.evaluations.system.Configuration;
import dev.aisle.evaluations.system.SystemAnswer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The assistant pipeline as configurations: {@code NAME[:key=value,…]} with keys {@code model}
 * (directory or "default"), {@code maxNewTokens}, {@code temperature}, {@code seed}. {@code default}
 * alone is {@link AssistantConfig#defaults()}. The runtime (corpus, index, models) opens on first use
 * and is shared by both configurations of a comparison.
 */
public final class AssistantSystems implements SystemResolver, AutoCloseable {

    /** Longest an answer may take before the item counts as failed. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);

    /** Told about every answer the assistant starts: to keep its {@code AnswerTrace}, or to cancel it. */
    @FunctionalInterface
    public interface AnswerObserver {

        /** Called on the evaluating thread right after the question is asked. */
        void answering(String configuration, SuiteItem item, AnswerHandle handle);

        AnswerObserver NONE = (configuration, item, handle) -> { };
    }

    private final AisleHome home;
    private final PrintStream log;
    private final boolean ownsRuntime;
    private final AnswerObserver observer;
    private AssistantRuntime runtime;
    private ExecutorService injectionWorkers;

    /** Opens its own runtime on first use and closes it with {@link #close()} (the command line). */
    public AssistantSystems(AisleHome home, PrintStream log) {
        this.home = home;
        this.log = log;
        this.ownsRuntime = true;
        this.observer = AnswerObserver.NONE;
    }

    private AssistantSystems(AssistantRuntime shared, AnswerObserver observer) {
        this.home = shared.home();
        this.log = new PrintStream(java.io.OutputStream.nullOutputStream());
        this.ownsRuntime = false;
        this.observer = observer;
        this.runtime = shared;
    }

    /**
     * Configurations on a runtime that is already open (the workbench's: its models stay loaded and
     * its scheduler is shared with the chat); {@link #close()} leaves that runtime open.
     */
    public static AssistantSystems on(AssistantRuntime shared, AnswerObserver observer) {
        return new AssistantSystems(shared, observer);
    }

    /** Parses {@code NAME[:key=value,…]}; unknown keys and bad values are errors naming them. */
    public static AssistantConfig parse(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (name.isBlank()) {
            throw new IllegalArgumentException("configuration '" + spec + "' has no name before ':'");
        }
        AssistantConfig c = AssistantConfig.defaults().withName(name);
        double temperature = 0;
        long seed = 0;
        if (colon >= 0) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("configuration '" + spec + "': expected key=value, got '" + kv + "'");
                }
                String k = kv.substring(0, eq).trim();
                String v = kv.substring(eq + 1).trim();
                try {
                    switch (k) {
                        case "model" -> c = c.withModel(v);
                        case "maxNewTokens" -> c = c.withMaxNewTokens(Integer.parseInt(v));
                        case "temperature" -> temperature = Double.parseDouble(v);
                        case "seed" -> seed = Long.parseLong(v);
                        case "groundedPrices" -> c = c.withGroundedPrices(bool(spec, k, v));
                        case "groundedNumbers" -> c = c.withGroundedNumbers(bool(spec, k, v));
                        case "productBinding" -> c = c.withProductBinding(bool(spec, k, v));
                        case "intentLayout" -> c = c.withIntentLayout(bool(spec, k, v));
                        default -> throw new IllegalArgumentException("configuration '" + spec + "': unknown key '" + k
                                + "' (known: model, maxNewTokens, temperature, seed, groundedPrices, groundedNumbers, "
                                + "productBinding, intentLayout)");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("configuration '" + spec + "': " + k + " needs a number, got '" + v + "'");
                }
            }
        }
        return c.withSampling(temperature == 0 ? SamplingParams.GREEDY : new SamplingParams(temperature, 0, 1, seed));
    }

    private static boolean bool(String spec, String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("configuration '" + spec + "': " + key + " needs true or false, got '"
                    + value + "'");
        };
    }

    @Override
    public SystemUnderTest resolve(String configName, Suite suite) {
        return resolve(parse(configName));
    }

    /** The assistant under an engine configuration as it is (the workbench's chat configurations). */
    public SystemUnderTest resolve(AssistantConfig config) {
        Path modelDir = AssistantRuntime.resolveModel(home, config.model());
        AssistantRuntime rt = runtime();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("system", "engine ShopAssistant");
        settings.put("model", config.model());
        settings.put("modelDir", modelDir.toString());
        settings.put("maxNewTokens", Integer.toString(config.maxNewTokens()));
        settings.put("sampling", config.sampling().toString());
        settings.put("evidenceTokenBudget", Integer.toString(config.evidenceTokenBudget()));
        settings.put("retrievalDepth", Integer.toString(config.retrievalDepth()));
        settings.put("constrainedMarkup", Boolean.toString(config.constrainedMarkup()));
        settings.put("groundedPrices", Boolean.toString(config.groundedPrices()));
        settings.put("groundedNumbers", Boolean.toString(config.groundedNumbers()));
        settings.put("productBinding", Boolean.toString(config.productBinding()));
        settings.put("intentLayout", Boolean.toString(config.intentLayout()));
        return new SystemUnderTest(new Configuration(config.name(), settings), new AssistantSystem(rt, config, modelDir));
    }

    private synchronized AssistantRuntime runtime() {
        if (runtime == null) {
            runtime = AssistantRuntime.open(home, List.of(), log);
        }
        return runtime;
    }

    @Override
    public List<String> known() {
        return List.of("default", "NAME:model=DIR[,maxNewTokens=N,temperature=T,seed=S,groundedPrices=false,"
                + "groundedNumbers=false,productBinding=false,intentLayout=false]");
    }

    @Override
    public String defaultFor(Suite suite) {
        return "default";
    }

    @Override
    public synchronized void close() {
        if (injectionWorkers != null) {
            injectionWorkers.shutdownNow();
        }
        if (runtime != null && ownsRuntime) {
            runtime.close();
        }
    }

    /** Model lineage: the top-level fields of the model directory's aisle.json, as text. */
    static Map<String, String> lineage(Path modelDir) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("modelDir", modelDir.toString());
        Path file = modelDir.resolve("aisle.json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = new ObjectMapper().readTree(file.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            } catch (IOException e) {
                out.put("aisle.json", "unreadable: " + e.getMessage());
            }
        } else {
            out.put("aisle.json", "missing");
        }
        return out;
    }

    /** One configuration of the assistant; items with injected evidence go through an injecting twin. */
    private final class AssistantSystem implements AnswerSystem {

        private final AssistantRuntime rt;
        private final AssistantConfig config;
        private final Path modelDir;
        private ShopAssistant injecting;
        private InjectingRetriever injector;

        AssistantSystem(AssistantRuntime rt, AssistantConfig config, Path modelDir) {
            this.rt = rt;
            this.config = config;
            this.modelDir = modelDir;
        }

        @Override
        public Set<SuiteKind> supportedKinds() {
            return Set.of(SuiteKind.RETRIEVAL, SuiteKind.ANSWER, SuiteKind.ADVERSARIAL);
        }

        @Override
        public Map<String, String> lineage() {
            Map<String, String> l = new LinkedHashMap<>(AssistantSystems.lineage(modelDir));
            l.put("corpus", rt.corpus().contentHash());
            return l;
        }

        @Override
        public SystemAnswer answer(SuiteItem item, Configuration configuration) throws Exception {
            ShopAssistant assistant = rt.assistant(config);
            if (!item.injected().isEmpty()) {
                // The injecting retriever holds one item's planted evidence: such items run one at a time.
                synchronized (this) {
                    assistant = injecting(assistant);
                    injector.inject(item.injected());
                    return answer(assistant, item, configuration);
                }
            }
            return answer(assistant, item, configuration);
        }

        private SystemAnswer answer(ShopAssistant assistant, SuiteItem item, Configuration configuration) throws Exception {
            AnswerHandle handle = assistant.ask(item.question(), conversation(item.history()), config, RenderListener.NONE);
            observer.answering(config.name(), item, handle);
            try {
                return TraceAnswers.fromTrace(handle.done().get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                handle.cancel().run();
                throw new IllegalStateException("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
            }
        }

        /** The same model and scheduler with a retriever that adds the item's injected evidence. */
        private ShopAssistant injecting(ShopAssistant plain) {
            if (injecting == null) {
                synchronized (AssistantSystems.this) {
                    if (injectionWorkers == null) {
                        injectionWorkers = Executors.newCachedThreadPool(r -> {
                            Thread t = new Thread(r, "aisle-eval-injection");
                            t.setDaemon(true);
                            return t;
                        });
                    }
                }
                injector = new InjectingRetriever(rt.rag(), EvidencePacker.defaults());
                Map<String, Product> byId = rt.corpus().products().stream()
                        .collect(Collectors.toUnmodifiableMap(Product::id, Function.identity(), (a, b) -> a));
                // Hydration only draws cards; the answer text and the parser's counts do not depend on it.
                Hydrator hydrator = new Hydrator(id -> Optional.ofNullable(byId.get(id)), id -> {
                    throw new IllegalStateException("no store services in evaluation");
                }, injectionWorkers, Duration.ofSeconds(2), Duration.ofSeconds(30), rt.markupElements());
                ShopTokenizer tokenizer = ShopTokenizer.load(modelDir.resolve("tokenizer.json"));
                int context = LlamaConfig.read(modelDir.resolve("config.json")).maxPositionEmbeddings();
                injecting = new ShopAssistant(plain.modelId(), injector, tokenizer, plain.engine(), hydrator,
                        injectionWorkers, context, rt.measureUnits());
            }
            return injecting;
        }
    }

    /** Earlier turns as the assistant's conversation: product ids in earlier answers are what they showed. */
    static Conversation conversation(List<Turn> history) {
        Conversation c = new Conversation();
        for (Turn t : history) {
            List<String> ids = new ArrayList<>();
            Matcher m = ClaimExtractor.PRODUCT_ID.matcher(t.answer());
            while (m.find()) {
                if (!ids.contains(m.group())) {
                    ids.add(m.group());
                }
            }
            c.add(new Conversation.Turn(t.question(), t.answer(),
                    new ConversationContext.PriorTurn(t.question(), t.answer(), ids, List.of(), List.of())));
        }
        return c;
    }
}
