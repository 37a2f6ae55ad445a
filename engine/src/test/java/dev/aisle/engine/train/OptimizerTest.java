package dev.aisle.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.aisle.engine.train.optim.AdamW;
import dev.aisle.engine.train.optim.GradientClipping;
import dev.aisle.engine.train.optim.LearningRateSchedule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    @Test
    void adamwStepsMatchHandComputedUpdates() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[]{1.0f, -2.0f, 0.5f});
            w.setRequiresGradient(true);
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("layer.weight", w);
            AdamW.Settings s = new AdamW.Settings(0.9, 0.99, 1e-8, 0.1);
            double lr = 0.01;
            double[] p = {1.0, -2.0, 0.5};
            double[] mm = new double[3];
            double[] vv = new double[3];
            try (AdamW opt = new AdamW(m, s, name -> true)) {
                for (int t = 1; t <= 3; t++) {
                    // loss = sum(w^3): gradient 3 w^2
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.pow(3).sum());
                    }
                    opt.update(params, lr, 1.0);
                    try (NDArray g = w.getGradient()) {
                        g.muli(0);
                    }
                    for (int i = 0; i < 3; i++) {
                        double g = 3 * p[i] * p[i];
                        p[i] -= lr * 0.1 * p[i];
                        mm[i] = 0.9 * mm[i] + 0.1 * g;
                        vv[i] = 0.99 * vv[i] + 0.01 * g * g;
                        double mh = mm[i] / (1 - Math.pow(0.9, t));
                        double vh = vv[i] / (1 - Math.pow(0.99, t));
                        p[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                    float[] got = w.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(p[i], got[i], 1e-5, "step " + t + " element " + i);
                    }
                }
                assertEquals(3, opt.step());
            }
        }
    }

    @Test
    void clippingScalesOnlyAboveTheBound() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[]{3f, 0f});
            NDArray b = m.create(new float[]{4f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // gradients equal to the values: d/dx (x^2 / 2) = x
                gc.backward(a.square().sum().add(b.square().sum()).div(2));
            }
            double norm = GradientClipping.globalNorm(m, Map.of("a", a, "b", b));
            assertEquals(5.0, norm, 1e-6);
            assertEquals(0.2, GradientClipping.scale(norm, 1.0), 1e-6);
            assertEquals(1.0, GradientClipping.scale(norm, 10.0));
        }
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysAlongACosine() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 1e-4, 10, 110);
        assertEquals(1e-4, s.rate(1), 1e-12);
        assertEquals(5e-4, s.rate(5), 1e-12);
        assertEquals(1e-3, s.rate(10), 1e-12);
        assertEquals(1e-4 + 0.9e-3 * 0.5, s.rate(60), 1e-9, "half way through the decay");
        assertEquals(1e-4, s.rate(110), 1e-12);
        assertEquals(1e-4, s.rate(500), 1e-12);
        double previous = s.rate(10);
        for (int t = 11; t <= 110; t++) {
            assertTrue(s.rate(t) <= previous, "non-increasing after warm-up at step " + t);
            previous = s.rate(t);
        }
        assertThrows(IllegalArgumentException.class, () -> s.rate(0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 1e-4, 20, 10));
    }

    @Test
    void optimizerStateRoundTrips() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[]{1f, 2f});
            w.setRequiresGradient(true);
            try (AdamW opt = new AdamW(m, AdamW.Settings.defaults(), AdamW::decaysByName);
                 AdamW copy = new AdamW(m, AdamW.Settings.defaults(), AdamW::decaysByName)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(w.square().sum());
                }
                opt.update(Map.of("w", w), 0.1, 1.0);
                copy.restore(opt.state(), opt.step());
                assertArrayEquals(opt.state().get("m/w").toFloatArray(), copy.state().get("m/w").toFloatArray());
                assertArrayEquals(opt.state().get("v/w").toFloatArray(), copy.state().get("v/w").toFloatArray());
                assertEquals(1, copy.step());
            }
        }
    }
}
