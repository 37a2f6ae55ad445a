package dev.aisle.app.cli;

import dev.aisle.engine.train.stage.LanguageModelStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain a model from random weights on catalogue pages, reviews, Q&A and buying guides.")
public final class TrainPretrainCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Mixin
    TrainLoopOptions loop;

    @Option(names = "--config", defaultValue = "default", description = "model shape: default (d256, 6 layers) or tiny (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--seq", defaultValue = "256", description = "tokens per sequence (default: ${DEFAULT-VALUE})")
    int seq;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer.json (default: AISLE_HOME/models/tokenizer.json)")
    Path tokenizer;

    @Option(names = "--out", paramLabel = "DIR", description = "model directory to write (default: AISLE_HOME/models/pretrain)")
    Path out;

    @Override
    public Integer call() throws Exception {
        common.applyThreads();
        Path tok = tokenizer != null ? tokenizer : TrainOptions.modelsDir("tokenizer.json");
        if (!java.nio.file.Files.isRegularFile(tok)) {
            throw new IllegalArgumentException("--tokenizer " + tok + " does not exist; run: aisle train tokenizer");
        }
        Path dir = out != null ? out : TrainOptions.modelsDir("pretrain");
        LanguageModelStage.pretrain(common.loadCorpus(), tok, config,
                new LanguageModelStage.Request(dir, loop.settings(1e-3, common.seed), loop.batch, seq, loop.fresh, loop.maxMinutes, loop.stopAt, System.err));
        return 0;
    }
}
