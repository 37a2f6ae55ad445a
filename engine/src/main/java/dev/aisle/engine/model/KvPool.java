package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The paged KV cache's tensors: per layer one K and one V array of {@code numBlocks × blockSize} slots per KV
 * head, laid out head-major as {@code [kvHeads, numBlocks, blockSize, headDim]}. Gathering a sequence's blocks
 * head by head then yields {@code [kvHeads, context, headDim]} already in the layout attention multiplies
 * with, so the step copies the context once (the gather) instead of three times (gather, then a transpose
 * of K and of V for the matrix products): at batch 32 and 800 tokens of context those copies were most of
 * a decode step. Two views share that memory: by head-block ({@code [kvHeads·numBlocks, blockSize·headDim]},
 * row {@code h·numBlocks + block}, for gathering a whole block per index, an order of magnitude cheaper than
 * per slot) and by head-slot ({@code [kvHeads·numBlocks·blockSize, headDim]}, row
 * {@code h·numBlocks·blockSize + slot}, for writing new positions). Which sequence owns which block is the
 * scheduler's business; the pool only holds the numbers.
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
        long heads = config.numKeyValueHeads();
        Shape byBlock = new Shape(heads * numBlocks, (long) blockSize * config.headDim());
        Shape bySlot = new Shape(heads * numBlocks * blockSize, config.headDim());
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

    /** [kvHeads·numBlocks, blockSize·headDim]: row {@code h·numBlocks + block}. */
    NDArray keyBlocks(int layer) {
        return keys[layer];
    }

    NDArray valueBlocks(int layer) {
        return values[layer];
    }

    /** [kvHeads·numBlocks·blockSize, headDim]: row {@code h·numBlocks·blockSize + slot}; same memory as {@link #keyBlocks}. */
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
