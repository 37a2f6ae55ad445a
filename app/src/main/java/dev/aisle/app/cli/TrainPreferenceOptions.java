package dev.aisle.app.cli;

import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.preference.PreferenceSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of DPO and KTO. */
public final class TrainPreferenceOptions {

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "the model to improve (also the frozen reference)")
    Path from;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL from: aisle feedback export")
    Path data;

    @Option(names = "--beta", defaultValue = "0.1", description = "β (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--steps", defaultValue = "200", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "4", description = "pairs (DPO) or answers (KTO) per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "2e-5", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--max-length", defaultValue = "768", description = "longest prompt + answer kept, in tokens (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--out", paramLabel = "DIR", description = "model directory to write")
    Path out;

    PreferenceSettings settings(long seed, double desirableWeight, double undesirableWeight) {
        return new PreferenceSettings(beta, desirableWeight, undesirableWeight, batch, maxLength,
                RunSettings.forPreference(steps, lr, seed));
    }
}
