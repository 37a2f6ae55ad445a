package dev.aisle.engine.serving.bench;

import dev.aisle.engine.model.LlamaConfig;

/** Forward FLOPs of a Llama model, for model FLOPs utilisation. */
public final class Flops {

    private Flops() {
    }

    /**
     * One token attending over {@code context} positions: 2 FLOPs per multiply-add of every
     * projection (q, k, v, o, gate, up, down, lm head) plus QK^T and attention-times-V.
     */
    public static double perToken(LlamaConfig c, int context) {
        double d = c.hiddenSize();
        double proj = d * c.qDim() * 2 + 2 * d * c.kvDim() + 3 * d * c.intermediateSize();
        double attention = 2.0 * c.qDim() * context;
        return 2 * (c.numHiddenLayers() * (proj + attention) + d * c.vocabSize());
    }
}
