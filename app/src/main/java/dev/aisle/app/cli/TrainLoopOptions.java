package dev.aisle.app.cli;

import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.optim.AdamW;
import picocli.CommandLine.Option;

/** Options of the next-token stages (pretrain, SFT). */
public final class TrainLoopOptions {

    @Option(names = "--steps", defaultValue = "1000", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "8", description = "sequences per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "peak learning rate (default: 1e-3 pretrain, 3e-4 SFT)")
    Double lr;

    @Option(names = "--warmup", description = "warm-up steps (default: 5%% of --steps)")
    Integer warmup;

    @Option(names = "--weight-decay", defaultValue = "0.1", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--clip", defaultValue = "1.0", description = "global gradient-norm bound (default: ${DEFAULT-VALUE})")
    double clip;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "stop after this many minutes with a checkpoint and a usable model directory; 0: no limit")
    double maxMinutes;

    @Option(names = "--stop-at", defaultValue = "0",
            description = "stop (with a checkpoint) once this step is done, keeping the --steps schedule; 0: run to the end")
    long stopAt;

    @Option(names = "--fresh", description = "start over even if OUT/checkpoint exists (default: resume)")
    boolean fresh;

    RunSettings settings(double defaultRate, long seed) {
        AdamW.Settings a = AdamW.Settings.defaults();
        return new RunSettings(steps, lr != null ? lr : defaultRate, warmup != null ? warmup : Math.max(1, steps / 20), 0.1,
                clip, new AdamW.Settings(a.beta1(), a.beta2(), a.epsilon(), weightDecay), seed, checkpointEvery);
    }
}
