package dev.aisle.app.cli;

import dev.aisle.engine.train.stage.TokenizerStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = "Train the byte-level BPE tokenizer on the corpus' training text; writes tokenizer.json.")
public final class TrainTokenizerCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Option(names = "--vocab", defaultValue = "4096", description = "vocabulary size, special tokens included (default: ${DEFAULT-VALUE})")
    int vocab;

    @Option(names = "--chat-examples", defaultValue = "4000",
            description = "grounded chat examples added to the text so the markup gets its own tokens (default: ${DEFAULT-VALUE})")
    int chatExamples;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: AISLE_HOME/models/tokenizer.json)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path file = out != null ? out : TrainOptions.modelsDir("tokenizer.json");
        long t0 = System.nanoTime();
        TokenizerStage.Result r = TokenizerStage.train(common.loadCorpus(), vocab, chatExamples, file);
        System.err.printf("train tokenizer: %d ids from %,d texts in %.0f s -> %s%n", r.vocabSize(), r.documents(),
                (System.nanoTime() - t0) / 1e9, r.file());
        return 0;
    }
}
