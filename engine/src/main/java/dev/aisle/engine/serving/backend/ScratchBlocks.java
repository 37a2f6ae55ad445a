package dev.aisle.engine.serving.backend;

/**
 * KV blocks kept at the top of a backend's pool, outside what the scheduler may hand out, for rows of
 * padding. Static shapes (static batching, Neuron-style buckets) compute padding as real rows so its cost
 * lands in the step time; those rows write only here, at position 0, and want no logits, so real
 * sequences never see them.
 */
public final class ScratchBlocks {

    private final int[] blocks;
    private final int blockSize;

    private ScratchBlocks(int[] blocks, int blockSize) {
        this.blocks = blocks;
        this.blockSize = blockSize;
    }

    /** The top {@code count} blocks of {@code pool}'s KV pool; the pool must keep at least one block for sequences. */
    public static ScratchBlocks atTopOf(BackendInfo pool, int count) {
        if (count < 0 || count >= pool.numBlocks()) {
            throw new IllegalArgumentException("KV pool of " + pool.numBlocks() + " blocks cannot keep " + count
                    + " scratch blocks for padding");
        }
        int[] blocks = new int[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = pool.numBlocks() - count + i;
        }
        return new ScratchBlocks(blocks, pool.blockSize());
    }

    public int count() {
        return blocks.length;
    }

    /** Tokens a single padding row can hold. */
    public int capacityTokens() {
        return blocks.length * blockSize;
    }

    /** A padding row of {@code tokens} tokens at position 0 of the scratch blocks. */
    public StepInput paddingRow(int tokens) {
        return new StepInput(-1, new int[tokens], 0, blocks, false);
    }
}
