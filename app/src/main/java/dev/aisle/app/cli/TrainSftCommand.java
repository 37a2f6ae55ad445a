package dev.aisle.app.cli;

import dev.aisle.engine.train.data.ChatBatches;
import dev.aisle.engine.train.stage.LanguageModelStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Fine-tune on grounded chat examples (evidence + question -> answer with markup and citations).")
public final class TrainSftCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Mixin
    TrainLoopOptions loop;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "the model directory to start from")
    Path from;

    @Option(names = "--examples", defaultValue = "30000", description = "synthesized examples besides the TRAIN questions (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--max-length", defaultValue = "640", description = "longest example kept, in tokens (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--batch-order", defaultValue = "BY_LENGTH", description = "BY_LENGTH (rows of similar length, "
            + "less padding) or RANDOM (as shuffled; how the shipped model was trained) (default: ${DEFAULT-VALUE})")
    ChatBatches.Order batchOrder;

    @Option(names = "--out", paramLabel = "DIR", description = "model directory to write (default: AISLE_HOME/models/sft)")
    Path out;

    @Override
    public Integer call() throws Exception {
        common.applyThreads();
        Path dir = out != null ? out : TrainOptions.modelsDir("sft");
        LanguageModelStage.sft(common.loadCorpus(), from, examples, batchOrder,
                new LanguageModelStage.Request(dir, loop.settings(3e-4, common.seed), loop.batch, maxLength, loop.fresh, loop.maxMinutes, loop.stopAt, System.err));
        return 0;
    }
}
