package dev.aisle.engine.train.stage;

import dev.aisle.engine.model.LlamaConfig;

/** The named model shapes {@code --config} accepts. */
public final class ModelShapes {

    private ModelShapes() {
    }

    public static LlamaConfig named(String name, int vocabSize) {
        LlamaConfig d = LlamaConfig.defaultShape();
        return switch (name) {
            case "default" -> new LlamaConfig(d.hiddenSize(), d.intermediateSize(), d.numHiddenLayers(), d.numAttentionHeads(),
                    d.numKeyValueHeads(), d.headDim(), d.rmsNormEps(), d.ropeTheta(), Math.max(vocabSize, d.vocabSize()),
                    d.maxPositionEmbeddings(), d.tieWordEmbeddings());
            case "tiny" -> LlamaConfig.of(64, 172, 2, 4, 2, vocabSize, 512, true);
            default -> throw new IllegalArgumentException("--config must be 'default' or 'tiny', got '" + name + "'");
        };
    }
}
