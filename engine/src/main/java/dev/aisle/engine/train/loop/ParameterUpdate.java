package dev.aisle.engine.train.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.aisle.engine.train.optim.AdamW;
import dev.aisle.engine.train.optim.GradientClipping;
import dev.aisle.engine.train.optim.LearningRateSchedule;

import java.util.Map;

/**
 * What happens after backward in every loop: measure the global gradient norm, clip, take the
 * AdamW step at the scheduled rate, clear the gradients for the next step.
 */
public final class ParameterUpdate implements AutoCloseable {

    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final double maxGradNorm;

    public ParameterUpdate(RunSettings settings, NDManager parent) {
        this.optimizer = new AdamW(parent, settings.adamw(), AdamW::decaysByName);
        this.schedule = settings.schedule();
        this.maxGradNorm = settings.maxGradNorm();
    }

    /** The learning rate of step {@code step} (from 1). */
    public double rate(long step) {
        return schedule.rate((int) step);
    }

    /** Applies step {@code step} (from 1); returns the gradient norm before clipping. */
    public double apply(NDManager scope, Map<String, NDArray> params, long step) {
        double norm = GradientClipping.globalNorm(scope, params);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("step " + step + ": gradient norm is " + norm + " at learning rate " + rate(step)
                    + "; the run diverged (lower --lr or resume from the last checkpoint)");
        }
        // PyTorch's grad mode is per thread and on in every new thread, and DJL's collector only
        // restores the mode it found: a loop running off the thread that started the engine (the
        // workbench trains on an executor thread) would have the in-place update recorded, which
        // PyTorch refuses for leaf weights. The update is never part of a graph, so say so here.
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            optimizer.update(params, rate(step), GradientClipping.scale(norm, maxGradNorm));
            for (NDArray p : params.values()) {
                if (p.hasGradient() && p instanceof PtNDArray pt) {
                    JniUtils.zeroGrad(pt);
                }
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
        return norm;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
