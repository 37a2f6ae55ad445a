package dev.aisle.app.cli;

import picocli.CommandLine.Command;

/** {@code aisle train tokenizer|pretrain|sft|dpo|kto|perplexity}: each stage writes a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training stages; each writes a model directory (config.json, model.safetensors, tokenizer.json, "
                + "generation_config.json, aisle.json).",
        subcommands = {
                TrainTokenizerCommand.class,
                TrainPretrainCommand.class,
                TrainSftCommand.class,
                TrainDpoCommand.class,
                TrainKtoCommand.class,
                TrainPerplexityCommand.class,
        })
public final class TrainCommand {
}
