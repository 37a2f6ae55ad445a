package dev.aisle.engine.train.loop;

import ai.djl.ndarray.NDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What the loops need from a language model. */
public interface TrainableModel {

    /** Trainable weights by Hugging Face tensor name, in a stable order. */
    Map<String, NDArray> parameters();

    /**
     * Next-token logits {@code [B, T, V]} for token ids {@code [B, T]} (causal). When called inside
     * a gradient collector the computation is recorded for backpropagation.
     */
    NDArray logits(NDArray tokenIds);

    int vocabSize();

    int contextLength();

    /** Writes {@code config.json} and {@code model.safetensors} into {@code dir}. */
    void saveWeights(Path dir) throws IOException;
}
