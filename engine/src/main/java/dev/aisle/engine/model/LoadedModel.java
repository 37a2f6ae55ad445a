package dev.aisle.engine.model;

import dev.aisle.engine.tokenizer.ShopTokenizer;

/** Everything a model directory holds, loaded and checked against each other. Closing frees the weights. */
public record LoadedModel(ModelDirectory directory, LlamaConfig config, LlamaModel model, ShopTokenizer tokenizer,
                          GenerationDefaults generation, Lineage lineage) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
