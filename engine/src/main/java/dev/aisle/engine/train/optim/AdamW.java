package dev.aisle.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * AdamW (Loshchilov &amp; Hutter): Adam moments with bias correction, and weight decay applied to
 * the weights directly rather than through the gradient, so that decay does not get rescaled by
 * the adaptive denominator. Norm gains and biases are not decayed ({@code decays} decides by name).
 *
 * <p>Update for step t (counting from 1), gradient g already scaled by the clipping factor:
 * <pre>
 * p ← p − lr·wd·p                       (decayed parameters only)
 * m ← β1·m + (1−β1)·g,   v ← β2·v + (1−β2)·g²
 * p ← p − lr · (m / (1−β1^t)) / (sqrt(v / (1−β2^t)) + ε)
 * </pre>
 * The moments live in this optimizer's manager; temporaries of each update go to a sub-manager
 * that is closed before returning, so native memory does not grow with the number of steps.
 */
public final class AdamW implements AutoCloseable {

    /** Hyper-parameters; the defaults are those commonly used for small language models. */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {
        public Settings {
            if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
                throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("epsilon must be > 0 and weightDecay >= 0, got " + epsilon + ", " + weightDecay);
            }
        }

        public static Settings defaults() {
            return new Settings(0.9, 0.95, 1e-8, 0.1);
        }
    }

    private final Settings settings;
    private final Predicate<String> decays;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
    private int step;

    public AdamW(NDManager parent, Settings settings, Predicate<String> decays) {
        this.settings = settings;
        this.decays = decays;
        this.manager = parent.newSubManager();
    }

    /** Decays matrices (embeddings, projections) but not norm gains. */
    public static boolean decaysByName(String parameterName) {
        return !parameterName.contains("norm") && !parameterName.endsWith(".bias");
    }

    public int step() {
        return step;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Applies one update to every parameter from its gradient. Parameters without a gradient
     * (not used by this batch) are skipped but still count the step.
     *
     * @param gradientScale the clipping factor (1 when not clipped)
     */
    public void update(Map<String, NDArray> parameters, double learningRate, double gradientScale) {
        if (!(learningRate >= 0) || !(gradientScale > 0)) {
            throw new IllegalArgumentException("learningRate must be >= 0 and gradientScale > 0, got "
                    + learningRate + ", " + gradientScale);
        }
        step++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double correction1 = 1 - Math.pow(b1, step);
        double correction2 = 1 - Math.pow(b2, step);
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray p = e.getValue();
            if (!p.hasGradient()) {
                continue;
            }
            NDArray m = firstMoment.computeIfAbsent(e.getKey(), k -> manager.zeros(p.getShape(), p.getDataType()));
            NDArray v = secondMoment.computeIfAbsent(e.getKey(), k -> manager.zeros(p.getShape(), p.getDataType()));
            try (NDManager scratch = manager.newSubManager()) {
                scratch.tempAttachAll(p, m, v);
                NDArray g = p.getGradient();
                if (gradientScale != 1) {
                    g = g.mul(gradientScale);
                }
                if (settings.weightDecay() > 0 && decays.test(e.getKey())) {
                    p.muli(1 - learningRate * settings.weightDecay());
                }
                m.muli(b1).addi(g.mul(1 - b1));
                v.muli(b2).addi(g.square().muli(1 - b2));
                NDArray denominator = v.div(correction2).sqrt().addi(settings.epsilon());
                p.subi(m.div(denominator).muli(learningRate / correction1));
            }
        }
    }

    /** Moments by parameter name, for checkpoints: "m/NAME" and "v/NAME". */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        firstMoment.forEach((k, a) -> out.put("m/" + k, a));
        secondMoment.forEach((k, a) -> out.put("v/" + k, a));
        return out;
    }

    /** Restores moments and the step count written by {@link #state()}. */
    public void restore(Map<String, NDArray> state, int restoredStep) {
        if (restoredStep < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + restoredStep);
        }
        firstMoment.values().forEach(NDArray::close);
        secondMoment.values().forEach(NDArray::close);
        firstMoment.clear();
        secondMoment.clear();
        state.forEach((k, a) -> {
            NDArray copy = a.duplicate();
            copy.attach(manager);
            if (k.startsWith("m/")) {
                firstMoment.put(k.substring(2), copy);
            } else if (k.startsWith("v/")) {
                secondMoment.put(k.substring(2), copy);
            } else {
                throw new IllegalArgumentException("optimizer state key must start with m/ or v/, got " + k);
            }
        });
        step = restoredStep;
    }

    @Override
    public void close() {
        manager.close();
    }
}
