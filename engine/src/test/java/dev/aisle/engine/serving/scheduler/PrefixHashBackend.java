package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * A test backend whose "KV cache" holds the token ids themselves, stored in the blocks the
 * scheduler names. The logits depend on a hash of everything read back through the block table,
 * so a wrong block table, a block shared while still being written, or a stale block changes the
 * output. {@link #expectedNext(int[])} is the reference: the same hash over the true tokens.
 */
public final class PrefixHashBackend implements Backend {

    public static final int END = 5;
    private final BackendInfo info;
    private final int[] kv;
    private final int endEvery;
    final List<List<StepInput>> steps = new ArrayList<>();
    boolean recordSteps;

    /** @param endEvery about one in this many sampled tokens is the end token */
    public PrefixHashBackend(int vocab, int maxContext, int blockSize, int numBlocks, int endEvery) {
        this.info = new BackendInfo("prefix-hash", vocab, maxContext, blockSize, numBlocks);
        this.kv = new int[numBlocks * blockSize];
        java.util.Arrays.fill(kv, -1);
        this.endEvery = endEvery;
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public StepOutput step(List<StepInput> batch) {
        if (recordSteps) {
            steps.add(List.copyOf(batch));
        }
        float[][] logits = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            StepInput in = batch.get(i);
            int bs = info.blockSize();
            for (int j = 0; j < in.tokens().length; j++) {
                int p = in.startPosition() + j;
                kv[in.blockTable()[p / bs] * bs + p % bs] = in.tokens()[j];
            }
            if (in.wantLogits()) {
                int end = in.startPosition() + in.tokens().length;
                int[] seen = new int[end];
                for (int p = 0; p < end; p++) {
                    seen[p] = kv[in.blockTable()[p / bs] * bs + p % bs];
                }
                logits[i] = logitsFor(seen);
            }
        }
        return new StepOutput(logits, 0);
    }

    public int expectedNext(int[] tokens) {
        long h = hash(tokens);
        if (Math.floorMod(h, endEvery) == 0) {
            return END;
        }
        return 6 + (int) Math.floorMod(h >>> 8, info.vocabSize() - 6);
    }

    private float[] logitsFor(int[] seen) {
        float[] row = new float[info.vocabSize()];
        long h = hash(seen);
        for (int v = 0; v < row.length; v++) {
            row[v] = (float) Math.floorMod(h * 31 + v * 0x9E3779B9L, 1000) / 1000f;
        }
        row[expectedNext(seen)] = 2f;
        return row;
    }

    private static long hash(int[] tokens) {
        long h = 1125899906842597L;
        for (int t : tokens) {
            h = 31 * h + t;
            h ^= h >>> 29;
        }
        return h;
    }

    /** Greedy reference: what generating alone must give. */
    public int[] reference(int[] prompt, int maxTokens) {
        List<Integer> out = new ArrayList<>();
        int[] seq = prompt.clone();
        while (out.size() < maxTokens && seq.length < info.maxContext()) {
            int t = expectedNext(seq);
            if (t == END) {
                break;
            }
            out.add(t);
            seq = java.util.Arrays.copyOf(seq, seq.length + 1);
            seq[seq.length - 1] = t;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void close() {
    }
}
