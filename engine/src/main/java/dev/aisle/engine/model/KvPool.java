package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The paged KV cache's tensors: per layer one K and one V array of {@code numBlocks × blockSize} slots,
 * each slot {@code kvHeads × headDim} floats. Stored 2-D as {@code [numBlocks·blockSize, kvHeads·headDim]},
 * which is the same memory as {@code [numBlocks, blockSize, kvHeads, headDim]}; slot
 * {@code block·blockSize + offset} holds position {@code offset} of block {@code block}. Which sequence owns
 * which block is the scheduler's business; the pool only holds the numbers.
 */
public final class KvPool implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int numBlocks;
    private final int blockSize;

    public KvPool(NDManager parent, LlamaConfig config, int numBlocks, int blockSize) {
        if (numBlocks <= 0) {
            throw new IllegalArgumentException("numBlocks must be > 0, got " + numBlocks);
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        }
        this.manager = parent.newSubManager();
        this.numBlocks = numBlocks;
        this.blockSize = blockSize;
        int layers = config.numHiddenLayers();
        keys = new NDArray[layers];
        values = new NDArray[layers];
        Shape shape = new Shape((long) numBlocks * blockSize, config.kvDim());
        for (int l = 0; l < layers; l++) {
            keys[l] = manager.zeros(shape);
            values[l] = manager.zeros(shape);
        }
    }

    public int numBlocks() {
        return numBlocks;
    }

    public int blockSize() {
        return blockSize;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    /** Bytes held by the pool (all layers, K and V). */
    public long bytes() {
        long per = keys[0].getShape().size() * 4L;
        return per * 2 * keys.length;
    }

    @Override
    public void close() {
        manager.close();
    }
}
