package dev.aisle.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Random tiny configs and weights for fast tests. Norm gains are random too, so folding them is tested. */
final class TinyModels {

    private TinyModels() {
    }

    static LlamaConfig gqaUntied() {
        return new LlamaConfig(32, 48, 2, 4, 2, 8, 1e-5, 10000.0, 50, 64, false);
    }

    static LlamaConfig mhaTied() {
        return new LlamaConfig(24, 40, 2, 3, 3, 8, 1e-6, 500000.0, 40, 64, true);
    }

    static Map<String, Tensor> randomWeights(LlamaConfig c, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : LlamaWeights.expectedShapes(c).entrySet()) {
            int n = 1;
            for (long s : e.getValue()) {
                n *= (int) s;
            }
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                d[i] = e.getValue().length == 1 ? (float) (0.5 + r.nextDouble()) : (float) (r.nextGaussian() * 0.3);
            }
            m.put(e.getKey(), new Tensor(e.getValue(), d));
        }
        return m;
    }
}
