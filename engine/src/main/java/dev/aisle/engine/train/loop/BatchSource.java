package dev.aisle.engine.train.loop;

/**
 * Batches addressed by step: batch k is a pure function of the data, the seed and k, so a resumed
 * run sees exactly the batches the uninterrupted run would have seen.
 */
public interface BatchSource {

    /** The batch for optimizer step {@code index} (0-based). */
    TokenBatch batch(long index);

    /** Batches in one pass over the data. */
    long batchesPerEpoch();
}
