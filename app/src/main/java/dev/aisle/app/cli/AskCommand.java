package dev.aisle.app.cli;

import dev.aisle.engine.assistant.AnswerHandle;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.Conversation;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.markup.render.TerminalRenderer;
import dev.aisle.engine.markup.render.TerminalStreamWriter;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.engine.trace.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answers one question, streaming the rendered answer to the terminal as it is generated.")
public final class AskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the shopper's question")
    String question;

    @Option(names = "--json", description = "print the whole AnswerTrace as one JSON object instead")
    boolean json;

    @Option(names = "--model", defaultValue = AssistantConfig.DEFAULT_MODEL,
            description = "model directory, or 'default' for the shipped model (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--max-tokens", defaultValue = "200", description = "answer length limit (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 is greedy (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-color", description = "plain text, no ANSI colours")
    boolean noColor;

    @Option(names = "--backend", defaultValue = "cpu",
            description = "cpu or a plugin backend's name (see 'aisle plugins') (default ${DEFAULT-VALUE})")
    String backend;

    @Override
    public Integer call() {
        AssistantConfig config = AssistantConfig.defaults().withModel(model)
                .withSampling(new SamplingParams(temperature, 0, 1, seed))
                .withMaxNewTokens(maxTokens);
        try (AssistantRuntime runtime = AssistantRuntime.open(AisleHome.fromEnvironment(), List.of(), backend, System.err)) {
            RenderListener out = json ? RenderListener.NONE
                    : new TerminalStreamWriter(System.out, new TerminalRenderer(!noColor && System.console() != null, 80));
            AnswerHandle handle = runtime.assistant(config).ask(question, new Conversation(), config, out);
            AnswerTrace trace = handle.done().join();
            if (json) {
                System.out.println(TraceJson.write(trace));
            } else {
                System.out.println();
                trace.sections().entrySet().stream().filter(e -> e.getKey().equals("error"))
                        .forEach(e -> System.err.println("aisle: " + e.getValue()));
            }
            return trace.finishReason().equals("error") ? 1 : 0;
        }
    }
}
