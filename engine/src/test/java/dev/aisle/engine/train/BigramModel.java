package dev.aisle.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aisle.engine.train.loop.TrainableModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny trainable model (embedding, one projection) for testing the loops without the Llama model. */
public final class BigramModel implements TrainableModel {

    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final int vocab;

    public BigramModel(NDManager manager, int vocab, int dim, long seed) {
        this.vocab = vocab;
        java.util.Random r = new java.util.Random(seed);
        params.put("model.embed_tokens.weight", manager.create(randn(r, vocab * dim), new Shape(vocab, dim)));
        params.put("model.norm.weight", manager.ones(new Shape(dim)));
        params.put("lm_head.weight", manager.create(randn(r, vocab * dim), new Shape(vocab, dim)));
    }

    private static float[] randn(java.util.Random r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (r.nextGaussian() * 0.1);
        }
        return out;
    }

    @Override
    public Map<String, NDArray> parameters() {
        return params;
    }

    @Override
    public NDArray logits(NDArray tokenIds) {
        NDArray h = params.get("model.embed_tokens.weight").get(tokenIds.toType(ai.djl.ndarray.types.DataType.INT64, false));
        h = h.mul(params.get("model.norm.weight"));
        return h.matMul(params.get("lm_head.weight").transpose());
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public int contextLength() {
        return 512;
    }

    @Override
    public void saveWeights(Path dir) {
        throw new UnsupportedOperationException("test model");
    }
}
