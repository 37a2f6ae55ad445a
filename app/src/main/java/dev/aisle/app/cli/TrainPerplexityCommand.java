package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.train.stage.PerplexityStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "perplexity", mixinStandardHelpOptions = true,
        description = "Held-out perplexity of a model per text source (catalogue, reviews, qa, guides).")
public final class TrainPerplexityCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory")
    Path model;

    @Option(names = "--tokens", defaultValue = "20000", description = "held-out tokens scored per source (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        common.applyThreads();
        List<PerplexityStage.SourcePerplexity> r = PerplexityStage.measure(common.loadCorpus(), model, tokens, 512);
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", model.toString());
            r.forEach(s -> o.putObject(s.source().label()).put("perplexity", s.perplexity()).put("tokens", s.tokens())
                    .put("documents", s.documents()));
            System.out.println(o);
        } else {
            System.out.printf("%-10s %10s %8s %6s%n", "source", "perplexity", "tokens", "docs");
            r.forEach(s -> System.out.printf(Locale.ROOT, "%-10s %10.2f %8d %6d%n", s.source().label(), s.perplexity(), s.tokens(),
                    s.documents()));
        }
        return 0;
    }
}
