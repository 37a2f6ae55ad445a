package dev.aisle.engine.train.preference;

import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.optim.AdamW;

import java.nio.file.Path;

/**
 * Settings of a DPO or KTO run.
 *
 * @param beta              strength of the pull towards the reference (TRL's default 0.1)
 * @param desirableWeight   KTO λ_D
 * @param undesirableWeight KTO λ_U
 * @param batch             pairs (DPO) or answers (KTO, at least 2 for the KL estimate) per step
 * @param maxLength         examples longer than this many tokens are left out
 * @param rpoAlpha          DPO only: weight α of the chosen answer's length-normalised negative log-likelihood added
 *                          to the loss (RPO, Pang et al. 2024; TRL's {@code rpo_alpha}); 0 is plain DPO
 */
public record PreferenceSettings(double beta, double desirableWeight, double undesirableWeight, int batch, int maxLength,
                                 RunSettings run, double rpoAlpha) {

    /** Plain DPO (α = 0) or KTO. */
    public PreferenceSettings(double beta, double desirableWeight, double undesirableWeight, int batch, int maxLength,
                              RunSettings run) {
        this(beta, desirableWeight, undesirableWeight, batch, maxLength, run, 0);
    }

    public PreferenceSettings {
        if (!(rpoAlpha >= 0) || Double.isInfinite(rpoAlpha)) {
            throw new IllegalArgumentException("rpo alpha must be a finite number >= 0, got " + rpoAlpha);
        }
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be > 0, got " + beta);
        }
        if (desirableWeight <= 0 || undesirableWeight <= 0) {
            throw new IllegalArgumentException("KTO weights must be > 0, got " + desirableWeight + ", " + undesirableWeight);
        }
        if (batch < 1 || maxLength < 2) {
            throw new IllegalArgumentException("batch must be >= 1 and maxLength >= 2, got " + batch + ", " + maxLength);
        }
    }

    /**
     * The schedule preference tuning uses: 10% warm-up, cosine to a tenth, clipping at 1, AdamW
     * without weight decay (the pull towards the reference is the regulariser), no checkpoints.
     */
    public static PreferenceSettings schedule(double beta, double desirableWeight, double undesirableWeight, int batch,
                                              int maxLength, int steps, double peakRate, long seed) {
        RunSettings run = new RunSettings(steps, peakRate, Math.max(1, steps / 10), 0.1, 1.0,
                new AdamW.Settings(0.9, 0.999, 1e-8, 0.0), seed, 0);
        return new PreferenceSettings(beta, desirableWeight, undesirableWeight, batch, maxLength, run);
    }

    /**
     * The same run with the chosen answer's likelihood also trained (RPO): DPO alone can reach full
     * accuracy by pushing rejected answers down, which drifts the greedy answer anywhere; the NLL term
     * pulls it towards the chosen ones.
     */
    public PreferenceSettings withRpoAlpha(double alpha) {
        return new PreferenceSettings(beta, desirableWeight, undesirableWeight, batch, maxLength, run, alpha);
    }

    /**
     * {@code maxLength}, or when it is 0 the context length of the model in {@code modelDir}: the assistant's prompts
     * (evidence included) plus an answer fill most of it, so a smaller fixed limit leaves most pairs out.
     */
    public static int orContextLength(int maxLength, Path modelDir) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("max length must be > 0, or 0 for the model's context length; got " + maxLength);
        }
        return maxLength > 0 ? maxLength : new ModelDirectory(modelDir).readConfig().maxPositionEmbeddings();
    }

    public static PreferenceSettings of(double beta, int batch, int maxLength, RunSettings run) {
        return new PreferenceSettings(beta, 1.0, 1.0, batch, maxLength, run);
    }
}
