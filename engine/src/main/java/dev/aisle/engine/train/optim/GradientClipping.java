package dev.aisle.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/** Global-norm clipping: all gradients together are scaled down when their norm exceeds a bound. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The L2 norm of all gradients together. */
    public static double globalNorm(NDManager scratchParent, Map<String, NDArray> parameters) {
        double sum = 0;
        try (NDManager scratch = scratchParent.newSubManager()) {
            for (NDArray p : parameters.values()) {
                if (p.hasGradient()) {
                    // the gradient handle and its square attach to the parameter's manager: borrow it
                    scratch.tempAttachAll(p);
                    sum += p.getGradient().square().sum().getFloat();
                }
            }
        }
        return Math.sqrt(sum);
    }

    /** The factor to multiply gradients with: 1 below the bound, bound / norm above it. */
    public static double scale(double norm, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        return norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
    }
}
