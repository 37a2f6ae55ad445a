package dev.aisle.engine.serving.setup;

import dev.aisle.engine.serving.backend.ShapeProfile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to build a serving stack.
 *
 * @param backend          "cpu", "neuron", "neuron-profile" or a plugin backend's name ({@link BackendChoice})
 * @param modelDir         a model directory; absent: random weights of the default shape and a
 *                         tokenizer trained on synthetic shopping text (fine for speed figures)
 * @param kvBlocks         KV pool size in blocks
 * @param blockSize        tokens per block
 * @param maxRunning       sequences per batch at most
 * @param maxBatchedTokens tokens per step at most
 * @param maxWaiting       queue bound
 * @param shapes           shape buckets for neuron / neuron-profile
 * @param seed             seed of random weights and the synthetic tokenizer
 */
public record ServingOptions(String backend, Optional<Path> modelDir, int kvBlocks, int blockSize, int maxRunning,
                             int maxBatchedTokens, int maxWaiting, ShapeProfile shapes, long seed) {

    public static ServingOptions defaults() {
        return new ServingOptions("cpu", Optional.empty(), 2048, 16, 32, 256, 1024, ShapeProfile.defaults(), 7);
    }

    public ServingOptions {
        // Whether a plugin offers the name is known only when the stack opens (ServingStack.open).
        if (!BackendChoice.wellFormed(backend)) {
            throw new IllegalArgumentException("backend must be cpu, neuron, neuron-profile or a plugin backend's name"
                    + " (lower case letters, digits and '-'), got \"" + backend + "\"");
        }
        if (kvBlocks <= 0 || blockSize <= 0) {
            throw new IllegalArgumentException("kvBlocks and blockSize must be > 0, got " + kvBlocks + ", " + blockSize);
        }
    }

    public ServingOptions withBackend(String b) {
        return new ServingOptions(b, modelDir, kvBlocks, blockSize, maxRunning, maxBatchedTokens, maxWaiting, shapes, seed);
    }

    public ServingOptions withModelDir(Optional<Path> dir) {
        return new ServingOptions(backend, dir, kvBlocks, blockSize, maxRunning, maxBatchedTokens, maxWaiting, shapes, seed);
    }

    public ServingOptions withLimits(int running, int batchedTokens, int waiting) {
        return new ServingOptions(backend, modelDir, kvBlocks, blockSize, running, batchedTokens, waiting, shapes, seed);
    }

    public ServingOptions withKv(int blocks, int size) {
        return new ServingOptions(backend, modelDir, blocks, size, maxRunning, maxBatchedTokens, maxWaiting, shapes, seed);
    }

    public ServingOptions withShapes(ShapeProfile s) {
        return new ServingOptions(backend, modelDir, kvBlocks, blockSize, maxRunning, maxBatchedTokens, maxWaiting, s, seed);
    }
}
