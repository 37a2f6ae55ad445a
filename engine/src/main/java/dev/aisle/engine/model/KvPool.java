package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The paged KV cache's tensors: per layer one K and one V array of {@code numBlocks × blockSize} slots,
 * each slot {@code kvHeads × headDim} floats, laid out as {@code [numBlocks, blockSize, kvHeads, headDim]}.
 * Two views share that memory: by block ({@code [numBlocks, blockSize·kvHeads·headDim]}, for gathering a
 * sequence's context a whole block per index, which is an order of magnitude cheaper than per slot) and by
 * slot ({@code [numBlocks·blockSize, kvHeads·headDim]}, for writing new positions). Which sequence owns which
 * block is the scheduler's business; the pool only holds the numbers.
 */
public final class KvPool implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final NDArray[] keySlots;
    private final NDArray[] valueSlots;
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
        keySlots = new NDArray[layers];
        valueSlots = new NDArray[layers];
        Shape byBlock = new Shape(numBlocks, (long) blockSize * config.kvDim());
        Shape bySlot = new Shape((long) numBlocks * blockSize, config.kvDim());
        for (int l = 0; l < layers; l++) {
            keys[l] = manager.zeros(byBlock);
            values[l] = manager.zeros(byBlock);
            // reshape of a contiguous tensor is a view: writes through it land in keys[l] / values[l].
            keySlots[l] = keys[l].reshape(bySlot);
            valueSlots[l] = values[l].reshape(bySlot);
        }
    }

    public int numBlocks() {
        return numBlocks;
    }

    public int blockSize() {
        return blockSize;
    }

    /** [numBlocks, blockSize·kvDim] */
    NDArray keyBlocks(int layer) {
        return keys[layer];
    }

    NDArray valueBlocks(int layer) {
        return values[layer];
    }

    /** [numBlocks·blockSize, kvDim], same memory as {@link #keyBlocks}. */
    NDArray keySlots(int layer) {
        return keySlots[layer];
    }

    NDArray valueSlots(int layer) {
        return valueSlots[layer];
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
