package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LlamaModelTest {

    @TempDir
    Path tmp;

    @Test
    void djlForwardMatchesPlainJavaReference() {
        for (LlamaConfig c : new LlamaConfig[]{TinyModels.gqaUntied(), TinyModels.mhaTied()}) {
            Map<String, Tensor> w = TinyModels.randomWeights(c, 7);
            int[] ids = new Random(3).ints(13, 0, c.vocabSize()).toArray();
            float[][] ref = new ReferenceLlama(c, w).forward(ids);
            try (NDManager m = NDManager.newBaseManager("PyTorch");
                 LlamaModel model = LlamaModel.fromTensors(c, w, m)) {
                float[] got = model.forward(m.create(ids, new Shape(1, ids.length))).toFloatArray();
                for (int t = 0; t < ids.length; t++) {
                    for (int v = 0; v < c.vocabSize(); v++) {
                        assertEquals(ref[t][v], got[t * c.vocabSize() + v], 1e-4, "config " + c + " pos " + t + " vocab " + v);
                    }
                }
            }
        }
    }

    @Test
    void batchedForwardEqualsPerSequenceForward() {
        LlamaConfig c = TinyModels.gqaUntied();
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.fromTensors(c, TinyModels.randomWeights(c, 1), m)) {
            int[] a = {1, 2, 3, 4, 5};
            int[] b = {9, 8, 7, 6, 5};
            float[] both = model.forward(m.create(new int[]{1, 2, 3, 4, 5, 9, 8, 7, 6, 5}, new Shape(2, 5))).toFloatArray();
            float[] fb = model.forward(m.create(b, new Shape(1, 5))).toFloatArray();
            for (int i = 0; i < fb.length; i++) {
                assertEquals(fb[i], both[fb.length + i], 1e-5);
            }
            assertEquals(a.length, 5);
        }
    }

    @Test
    void writeAndReloadGivesIdenticalLogits() {
        LlamaConfig c = TinyModels.gqaUntied();
        int[] ids = {3, 1, 4, 1, 5, 9, 2, 6};
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.random(c, m, 42)) {
            float[] before = model.forward(m.create(ids, new Shape(1, ids.length))).toFloatArray();
            ModelDirectory dir = new ModelDirectory(tmp.resolve("m"));
            dir.writeModel(model);
            try (LlamaModel again = dir.loadModel(m)) {
                assertEquals(c, again.config());
                assertArrayEquals(before, again.forward(m.create(ids, new Shape(1, ids.length))).toFloatArray());
            }
        }
    }

    @Test
    void trainingForwardGivesGradientsToEveryParameter() {
        LlamaConfig c = TinyModels.mhaTied();
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.random(c, m, 5)) {
            model.attachGradients();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(m.create(new int[]{1, 2, 3, 4, 5, 6}, new Shape(2, 3)));
                assertEquals(new Shape(2, 3, c.vocabSize()), logits.getShape());
                NDArray loss = logits.logSoftmax(-1).get(":, :, 7").mean().neg();
                gc.backward(loss);
            }
            for (Map.Entry<String, NDArray> p : model.parameters().entrySet()) {
                float[] g = p.getValue().getGradient().toFloatArray();
                double sum = 0;
                for (float v : g) {
                    sum += Math.abs(v);
                }
                assertTrue(sum > 0, "no gradient for " + p.getKey());
            }
        }
    }

    @Test
    void parameterCountOfDefaultShape() {
        long n = LlamaConfig.defaultShape().parameterCount();
        assertTrue(n > 5_000_000 && n < 6_500_000, "params " + n);
    }
}
