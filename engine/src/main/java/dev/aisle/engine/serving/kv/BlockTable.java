package dev.aisle.engine.serving.kv;

import java.util.Arrays;

/**
 * One sequence's block table: block ids in position order (position p lives in block
 * {@code block(p / blockSize)}), plus the prefix-cache chain hash of each full block already
 * registered or shared.
 */
public final class BlockTable {

    private int[] blocks = new int[8];
    private long[] hashes = new long[8];
    private int size;
    private int hashed;

    public int size() {
        return size;
    }

    public int block(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("block index " + index + " outside table of " + size);
        }
        return blocks[index];
    }

    /** Number of leading blocks whose chain hash is known (shared or published). */
    public int hashedBlocks() {
        return hashed;
    }

    long hash(int index) {
        return hashes[index];
    }

    public void append(int block) {
        grow();
        blocks[size++] = block;
    }

    void appendShared(int block, long hash) {
        grow();
        blocks[size] = block;
        hashes[size] = hash;
        size++;
        hashed = size;
    }

    void setHash(int index, long hash) {
        hashes[index] = hash;
        hashed = Math.max(hashed, index + 1);
    }

    void clear() {
        size = 0;
        hashed = 0;
    }

    /** A copy, as handed to the backend. */
    public int[] toArray() {
        return Arrays.copyOf(blocks, size);
    }

    private void grow() {
        if (size == blocks.length) {
            blocks = Arrays.copyOf(blocks, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
    }
}
