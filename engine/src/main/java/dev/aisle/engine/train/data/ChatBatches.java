package dev.aisle.engine.train.data;

import dev.aisle.engine.train.loop.BatchSource;
import dev.aisle.engine.train.loop.TokenBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SFT batches: one example per row, prompt then answer then END, right-padded to the longest row
 * of the batch. The loss counts only the answer tokens (and the END that closes them): the model
 * is taught to answer, not to write prompts. Examples longer than {@code maxLength} are dropped
 * (counted in {@link #dropped()}) rather than cut, since a cut answer would teach unfinished markup.
 *
 * <p>With {@link Order#BY_LENGTH} rows of a batch have similar lengths: each epoch's shuffled examples
 * are taken in pools of {@value #POOL_BATCHES} batches, each pool sorted by length and cut into
 * batches, and the batch order shuffled again. Padding is computed like any other position, so
 * grouping by length buys throughput (≈ 1.6× at ≤ 768 tokens) without changing which examples an
 * epoch sees. {@link Order#RANDOM} takes the shuffled examples as they come.
 */
public final class ChatBatches implements BatchSource {

    /** A tokenized example: where the answer starts. */
    record Encoded(int[] tokens, int answerStart) {
    }

    static final int POOL_BATCHES = 16;

    /** How an epoch's examples are cut into batches. */
    public enum Order { BY_LENGTH, RANDOM }

    private final List<Encoded> examples = new ArrayList<>();
    private final int rows;
    private final int padId;
    private final long seed;
    private final Order batchOrder;
    private int dropped;
    private int orderEpoch = -1;
    private int[] order;

    public ChatBatches(List<SftExample> sft, TokenEncoder encoder, int rows, int maxLength, long seed) {
        this(sft, encoder, rows, maxLength, seed, Order.BY_LENGTH);
    }

    public ChatBatches(List<SftExample> sft, TokenEncoder encoder, int rows, int maxLength, long seed, Order batchOrder) {
        if (rows < 1 || maxLength < 2) {
            throw new IllegalArgumentException("rows must be >= 1 and maxLength >= 2, got " + rows + ", " + maxLength);
        }
        this.rows = rows;
        this.padId = encoder.padId();
        this.seed = seed;
        this.batchOrder = batchOrder;
        List<Encoded> all = sft.parallelStream().map(e -> {
            TokenEncoder.ChatIds t = encoder.encodeChat(e);
            return new Encoded(t.ids(), t.answerStart());
        }).toList();
        for (Encoded e : all) {
            if (e.tokens().length - 1 > maxLength) {
                dropped++;
            } else {
                examples.add(e);
            }
        }
        if (examples.size() < rows) {
            throw new IllegalArgumentException(examples.size() + " examples fit in " + maxLength
                    + " tokens; fewer than one batch of " + rows);
        }
    }

    public int size() {
        return examples.size();
    }

    public int dropped() {
        return dropped;
    }

    @Override
    public long batchesPerEpoch() {
        return examples.size() / rows;
    }

    /** This epoch's example order: shuffled, length-grouped within pools, batches shuffled. */
    private synchronized int[] epochOrder(int epoch) {
        if (epoch == orderEpoch) {
            return order;
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        int[] shuffled = Shuffle.permutation(examples.size(), random);
        if (batchOrder == Order.RANDOM) {
            orderEpoch = epoch;
            order = shuffled;
            return shuffled;
        }
        int batches = (int) batchesPerEpoch();
        int[][] grouped = new int[batches][];
        int pool = rows * POOL_BATCHES;
        for (int start = 0, b = 0; b < batches; start += pool) {
            int end = Math.min(start + pool, batches * rows);
            Integer[] members = new Integer[end - start];
            for (int i = start; i < end; i++) {
                members[i - start] = shuffled[i];
            }
            java.util.Arrays.sort(members, java.util.Comparator.comparingInt(i -> examples.get(i).tokens().length));
            for (int m = 0; m + rows <= members.length; m += rows, b++) {
                grouped[b] = new int[rows];
                for (int r = 0; r < rows; r++) {
                    grouped[b][r] = members[m + r];
                }
            }
        }
        int[] batchOrder = Shuffle.permutation(batches, random);
        int[] result = new int[batches * rows];
        for (int b = 0; b < batches; b++) {
            System.arraycopy(grouped[batchOrder[b]], 0, result, b * rows, rows);
        }
        orderEpoch = epoch;
        order = result;
        return result;
    }

    @Override
    public TokenBatch batch(long index) {
        long perEpoch = batchesPerEpoch();
        int epoch = (int) (index / perEpoch);
        int offset = (int) (index % perEpoch) * rows;
        int[] order = epochOrder(epoch);
        List<Encoded> chosen = new ArrayList<>();
        int longest = 0;
        for (int r = 0; r < rows; r++) {
            Encoded e = examples.get(order[offset + r]);
            chosen.add(e);
            longest = Math.max(longest, e.tokens().length - 1);
        }
        int[][] inputs = new int[rows][longest];
        int[][] targets = new int[rows][longest];
        float[][] weights = new float[rows][longest];
        for (int r = 0; r < rows; r++) {
            Encoded e = chosen.get(r);
            int n = e.tokens().length - 1;
            java.util.Arrays.fill(inputs[r], padId);
            java.util.Arrays.fill(targets[r], padId);
            System.arraycopy(e.tokens(), 0, inputs[r], 0, n);
            System.arraycopy(e.tokens(), 1, targets[r], 0, n);
            // target position i predicts token i+1: it is an answer token when i+1 >= answerStart
            for (int i = Math.max(0, e.answerStart() - 1); i < n; i++) {
                weights[r][i] = 1f;
            }
        }
        return new TokenBatch(inputs, targets, weights);
    }
}
