package dev.aisle.engine.train.loop;

import ai.djl.ndarray.NDArray;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.ModelDirectory;

import java.nio.file.Path;
import java.util.Map;

/** The engine's Llama model as the loops train it. */
public record LlamaTrainable(LlamaModel model) implements TrainableModel {

    @Override
    public Map<String, NDArray> parameters() {
        return model.parameters();
    }

    @Override
    public NDArray logits(NDArray tokenIds) {
        return model.forward(tokenIds);
    }

    @Override
    public int vocabSize() {
        return model.config().vocabSize();
    }

    @Override
    public int contextLength() {
        return model.config().maxPositionEmbeddings();
    }

    @Override
    public void saveWeights(Path dir) {
        new ModelDirectory(dir).writeModel(model);
    }
}
