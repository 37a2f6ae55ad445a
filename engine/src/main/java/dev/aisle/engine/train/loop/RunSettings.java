package dev.aisle.engine.train.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.train.optim.AdamW;
import dev.aisle.engine.train.optim.LearningRateSchedule;

/**
 * The settings of one training run. Recorded in checkpoints and in the model's lineage.
 *
 * @param checkpointEvery steps between checkpoints (0: only at the end)
 */
public record RunSettings(int steps, double peakRate, int warmupSteps, double minRateFraction, double maxGradNorm,
                          AdamW.Settings adamw, long seed, int checkpointEvery) {

    public RunSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be > 0, got " + maxGradNorm);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be >= 0, got " + checkpointEvery);
        }
    }

    public static RunSettings of(int steps, double peakRate, long seed) {
        return new RunSettings(steps, peakRate, Math.max(1, steps / 20), 0.1, 1.0, AdamW.Settings.defaults(), seed, 0);
    }

    public RunSettings withCheckpointEvery(int every) {
        return new RunSettings(steps, peakRate, warmupSteps, minRateFraction, maxGradNorm, adamw, seed, every);
    }

    public RunSettings withWarmup(int warmup) {
        return new RunSettings(steps, peakRate, warmup, minRateFraction, maxGradNorm, adamw, seed, checkpointEvery);
    }

    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(peakRate, peakRate * minRateFraction, Math.min(warmupSteps, steps), steps);
    }

    public ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("steps", steps).put("peak_lr", peakRate).put("warmup_steps", warmupSteps)
                .put("min_lr_fraction", minRateFraction).put("max_grad_norm", maxGradNorm)
                .put("beta1", adamw.beta1()).put("beta2", adamw.beta2()).put("epsilon", adamw.epsilon())
                .put("weight_decay", adamw.weightDecay()).put("seed", seed).put("checkpoint_every", checkpointEvery);
        return n;
    }
}
