package dev.aisle.app.cli;

import dev.aisle.engine.assistant.AssistantAnswerEngine;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.ShopAssistant;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.serving.api.AnswerEngine;
import dev.aisle.engine.serving.api.LayoutAnswerEngine;
import dev.aisle.engine.serving.api.OpenAiServer;
import dev.aisle.engine.serving.backend.ShapeProfile;
import dev.aisle.engine.serving.export.JsonlEventWriter;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import dev.aisle.engine.serving.metrics.MetricsSnapshot;
import dev.aisle.engine.serving.remote.RemoteAnswerEngine;
import dev.aisle.engine.serving.scheduler.IterationScheduler;
import dev.aisle.engine.serving.setup.BackendChoice;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.serving.setup.ServingStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "OpenAI-compatible API: POST /v1/chat/completions (SSE streaming) and GET /v1/models.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--backend", defaultValue = "cpu",
            description = "cpu, neuron, neuron-profile, remote, or a plugin backend's name (see 'aisle plugins');"
                    + " cpu and plugin backends serve the whole assistant unless --no-rag (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--remote-url", description = "for --backend remote: base URL of an OpenAI-compatible API, e.g. http://host:8000/v1")
    URI remoteUrl;

    @Option(names = "--remote-model", defaultValue = "default", description = "for --backend remote: model name to ask for")
    String remoteModel;

    @Option(names = "--model", description = "model directory (default: the shipped model; with --no-rag, random weights of the default shape)")
    Path model;

    @Option(names = "--scheduler", defaultValue = "continuous", description = "continuous, static or sequential")
    String scheduler;

    @Option(names = "--max-running", defaultValue = "32")
    int maxRunning;

    @Option(names = "--max-batched-tokens", defaultValue = "256")
    int maxBatchedTokens;

    @Option(names = "--max-waiting", defaultValue = "256", description = "queue bound; beyond it requests get HTTP 429")
    int maxWaiting;

    @Option(names = "--kv-blocks", defaultValue = "2048")
    int kvBlocks;

    @Option(names = "--block-size", defaultValue = "16")
    int blockSize;

    @Option(names = "--shapes", description = "neuron shape buckets, e.g. 1,2,4,8,16,32/64,128,256,512")
    String shapes;

    @Option(names = "--default-max-tokens", defaultValue = "256", description = "max_tokens when a request gives none")
    int defaultMaxTokens;

    @Option(names = "--events", description = "append the scheduler's event stream as JSON lines to FILE")
    Path events;

    @Option(names = "--no-rag", description = "answer from the chat alone (no retrieval, evidence or markup scope);"
            + " the default puts the whole assistant behind the API")
    boolean noRag;

    @Override
    public Integer call() throws Exception {
        // cpu and plugin backends run the whole assistant; neuron-profile and remote serve the chat alone.
        if (!noRag && (backend.equals("cpu") || !BackendChoice.builtIn(backend) && !backend.equals("remote"))) {
            return serveAssistant();
        }
        if (backend.equals("remote")) {
            if (remoteUrl == null) {
                throw new IllegalArgumentException("--backend remote needs --remote-url (e.g. http://127.0.0.1:8000/v1)");
            }
            RemoteAnswerEngine remote = new RemoteAnswerEngine(remoteUrl, remoteModel,
                    Optional.ofNullable(System.getenv("OPENAI_API_KEY")), maxWaiting);
            serve(remote, null);
            return 0;
        }
        ServingOptions options = new ServingOptions(backend, Optional.ofNullable(model), kvBlocks, blockSize, maxRunning,
                maxBatchedTokens, maxWaiting, shapes == null ? ShapeProfile.defaults() : ShapeProfile.parse(shapes), 7);
        try (ServingStack stack = ServingStack.open(options);
             IterationScheduler engine = stack.newScheduler(scheduler)) {
            MetricsCollector metrics = new MetricsCollector();
            engine.addListener(metrics);
            JsonlEventWriter jsonl = events == null ? null : JsonlEventWriter.toFile(events, false);
            if (jsonl != null) {
                engine.addListener(jsonl);
            }
            engine.start();
            try {
                serve(new LayoutAnswerEngine(engine, stack.tokenizer(), stack.modelId()), metrics);
            } finally {
                if (jsonl != null) {
                    jsonl.close();
                }
            }
        }
        return 0;
    }

    /** The assistant pipeline (retrieval, evidence, markup) behind the API, on the continuous scheduler. */
    private int serveAssistant() throws InterruptedException {
        AssistantConfig config = AssistantConfig.defaults()
                .withModel(model == null ? AssistantConfig.DEFAULT_MODEL : model.toString());
        try (AssistantRuntime runtime = AssistantRuntime.open(AisleHome.fromEnvironment(), List.of(), backend, System.err)) {
            ShopAssistant assistant = runtime.assistant(config);
            MetricsCollector metrics = new MetricsCollector();
            runtime.scheduler(config).addListener(metrics);
            serve(new AssistantAnswerEngine(assistant, config), metrics);
        }
        return 0;
    }

    private void serve(AnswerEngine answers, MetricsCollector metrics) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        try (OpenAiServer server = new OpenAiServer(answers, defaultMaxTokens).start(host, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            System.err.printf("serve: %s on http://%s:%d/v1 (chat/completions, models); Ctrl-C stops%n",
                    answers.modelId(), host, server.port());
            while (!stop.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                if (metrics != null) {
                    MetricsSnapshot m = metrics.snapshot();
                    if (m.finished() > 0) {
                        System.err.printf("serve: %d requests, ttft p50 %.0f ms, p99 %.0f ms, %.0f output tokens/s,"
                                        + " kv %.0f%%%n", m.finished(), m.ttftMs().p50(), m.ttftMs().p99(),
                                m.outputTokensPerS(), 100 * m.kvUsage());
                    }
                }
            }
        }
    }
}
