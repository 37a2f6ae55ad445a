package dev.aisle.engine.train.data;

import dev.aisle.engine.train.loop.BatchSource;
import dev.aisle.engine.train.loop.TokenBatch;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Pretraining batches: all documents tokenized into one stream, each followed by END, cut into
 * windows of {@code length + 1} tokens (input and shifted target), visited in a seeded random
 * order that is reshuffled every epoch. No padding, every target counts.
 */
public final class PackedTextBatches implements BatchSource {

    private final int[] stream;
    private final int rows;
    private final int length;
    private final long seed;
    private final int windows;

    public PackedTextBatches(List<TrainingDocument> documents, TokenEncoder encoder, int rows, int length, long seed) {
        if (rows < 1 || length < 2) {
            throw new IllegalArgumentException("rows must be >= 1 and length >= 2, got " + rows + ", " + length);
        }
        this.rows = rows;
        this.length = length;
        this.seed = seed;
        int[][] encoded = documents.parallelStream().map(d -> encoder.encode(d.text())).toArray(int[][]::new);
        int total = 0;
        for (int[] e : encoded) {
            total += e.length + 1;
        }
        stream = new int[total];
        int at = 0;
        for (int[] e : encoded) {
            System.arraycopy(e, 0, stream, at, e.length);
            at += e.length;
            stream[at++] = encoder.endId();
        }
        windows = (stream.length - 1) / length;
        if (windows < rows) {
            throw new IllegalArgumentException("the text has " + stream.length + " tokens: fewer than one batch of "
                    + rows + " x " + length);
        }
    }

    public int totalTokens() {
        return stream.length;
    }

    @Override
    public long batchesPerEpoch() {
        return windows / rows;
    }

    @Override
    public TokenBatch batch(long index) {
        long perEpoch = batchesPerEpoch();
        int epoch = (int) (index / perEpoch);
        int offset = (int) (index % perEpoch) * rows;
        int[] order = order(epoch);
        int[][] inputs = new int[rows][];
        int[][] targets = new int[rows][];
        float[][] weights = new float[rows][length];
        for (int r = 0; r < rows; r++) {
            int start = order[offset + r] * length;
            inputs[r] = Arrays.copyOfRange(stream, start, start + length);
            targets[r] = Arrays.copyOfRange(stream, start + 1, start + length + 1);
            Arrays.fill(weights[r], 1f);
        }
        return new TokenBatch(inputs, targets, weights);
    }

    private int cachedEpoch = -1;
    private int[] cachedOrder;

    private synchronized int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            cachedOrder = Shuffle.permutation(windows, new Random(seed * 1_000_003L + epoch));
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
