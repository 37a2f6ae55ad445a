package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cpu} backend: the Llama model on DJL's PyTorch engine over a paged KV pool.
 *
 * <p>One {@link #step} is one forward pass for the whole batch: all tokens of all inputs (prefill chunks and
 * single decode tokens) are packed into one [tokens, d] matrix, so every projection and MLP runs once per
 * layer. Only attention is split, into groups of inputs with the same number of new tokens (all decodes
 * form one group), so queries never need padding; keys are gathered from the pool per group, padded to the
 * group's longest context and masked. Results do not depend on who shares the batch: each sequence attends
 * only to its own positions, and padded keys get zero weight.
 *
 * <p>Weights are a snapshot of the model taken at construction (fused, see {@link InferenceWeights});
 * train first, then create the backend. Not thread-safe: one scheduler thread calls {@link #step}.
 */
public final class CpuBackend implements Backend {

    private static final float MASKED = Float.NEGATIVE_INFINITY;

    private final LlamaConfig config;
    private final NDManager manager;
    private final InferenceWeights weights;
    private final boolean ownsWeights;
    private final KvPool pool;
    private final BackendInfo info;
    /** RMSNorm's constants, made once: {@code x.add(float)} would make (and leave to the GC) a scalar per call. */
    private final NDArray epsilon;
    private final NDArray minusHalf;

    /** Builds fused weights from {@code model} and a KV pool of {@code numBlocks × blockSize} slots. */
    public CpuBackend(LlamaModel model, int numBlocks, int blockSize) {
        this.config = model.config();
        this.manager = model.manager().getParentManager().newSubManager();
        this.weights = new InferenceWeights(model, manager);
        this.ownsWeights = true;
        this.pool = new KvPool(manager, config, numBlocks, blockSize);
        this.info = new BackendInfo("cpu", config.vocabSize(), config.maxPositionEmbeddings(), blockSize, numBlocks);
        this.epsilon = NativeArrays.scalar(manager, (float) config.rmsNormEps());
        this.minusHalf = NativeArrays.scalar(manager, -0.5f);
    }

    private CpuBackend(CpuBackend weightsOwner, int numBlocks, int blockSize) {
        this.config = weightsOwner.config;
        this.manager = weightsOwner.manager.newSubManager();
        this.weights = weightsOwner.weights;
        this.ownsWeights = false;
        this.pool = new KvPool(manager, config, numBlocks, blockSize);
        this.info = new BackendInfo("cpu", config.vocabSize(), config.maxPositionEmbeddings(), blockSize, numBlocks);
        this.epsilon = NativeArrays.scalar(manager, (float) config.rmsNormEps());
        this.minusHalf = NativeArrays.scalar(manager, -0.5f);
    }

    /**
     * Another backend on the same weights with its own KV pool (e.g. a single-request {@code Generator}
     * next to the scheduler's backend). Close it before this one.
     */
    public CpuBackend withOwnPool(int numBlocks, int blockSize) {
        return new CpuBackend(this, numBlocks, blockSize);
    }

    public LlamaConfig config() {
        return config;
    }

    public KvPool pool() {
        return pool;
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public StepOutput step(List<StepInput> batch) {
        long t0 = System.nanoTime();
        if (batch.isEmpty()) {
            return new StepOutput(new float[0][], 0);
        }
        validate(batch);
        // Pack inputs grouped by token count, so each attention group is one contiguous row range.
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            groups.computeIfAbsent(batch.get(i).tokens().length, k -> new ArrayList<>()).add(i);
        }
        int n = 0;
        for (StepInput s : batch) {
            n += s.tokens().length;
        }
        long[] tokenIds = new long[n];
        long[] writeSlots = new long[n];
        int[] rowOf = new int[batch.size()];
        List<AttentionGroup> plan = new ArrayList<>();
        int row = 0;
        for (List<Integer> members : groups.values()) {
            int groupStart = row;
            for (int i : members) {
                StepInput s = batch.get(i);
                rowOf[i] = row;
                for (int j = 0; j < s.tokens().length; j++) {
                    tokenIds[row] = s.tokens()[j];
                    writeSlots[row] = slot(s, s.startPosition() + j);
                    row++;
                }
            }
            plan.add(new AttentionGroup(groupStart, row, members));
        }
        float[][] logits = new float[batch.size()][];
        try (NDManager step = manager.newSubManager()) {
            NDArray x = forward(step, batch, plan, tokenIds, writeSlots);
            List<Integer> wanted = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).wantLogits()) {
                    wanted.add(i);
                }
            }
            if (!wanted.isEmpty()) {
                long[] last = new long[wanted.size()];
                for (int k = 0; k < last.length; k++) {
                    int i = wanted.get(k);
                    last[k] = rowOf[i] + batch.get(i).tokens().length - 1;
                }
                NDArray h = rmsNorm(last.length == x.getShape().get(0) ? x : rows(x, NativeArrays.of(step, last)));
                float[] flat = h.matMul(weights.head).toFloatArray();
                int v = config.vocabSize();
                for (int k = 0; k < last.length; k++) {
                    logits[wanted.get(k)] = Arrays.copyOfRange(flat, k * v, (k + 1) * v);
                }
            }
        }
        return new StepOutput(logits, System.nanoTime() - t0);
    }

    /** Rows [start, end) of the packed batch, made of the inputs {@code members} (same token count each). */
    private record AttentionGroup(int start, int end, List<Integer> members) {
    }

    /** Per-group tensors that stay the same across layers: pool rows to gather [size·kvHeads·blocks] and the mask. */
    private record GroupTensors(NDArray contextRows, NDArray mask, int size, int tokens, int context) {
    }

    /** {@code x + input·weightᵀ} as one op (torch linear with the residual as a full-size bias). */
    private static NDArray residual(NDArray input, NDArray weight, NDArray x) {
        return input.getNDArrayInternal().linear(input, weight, x).singletonOrThrow();
    }

    /** Rows of {@code table} at {@code index} (int64): torch's embedding, the cheapest row gather DJL exposes. */
    private static NDArray rows(NDArray table, NDArray index) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray forward(NDManager step, List<StepInput> batch, List<AttentionGroup> plan, long[] tokenIds,
                            long[] writeSlots) {
        LlamaConfig c = config;
        int n = tokenIds.length;
        int qk = c.qDim() + c.kvDim();
        // RoPE tables per packed row, repeated for each of the q and k heads.
        float[] cos = new float[n * qk];
        float[] sin = new float[n * qk];
        int row = 0;
        for (AttentionGroup g : plan) {
            for (int i : g.members()) {
                StepInput s = batch.get(i);
                fillRows(s, row, qk, cos, sin);
                row += s.tokens().length;
            }
        }
        NDArray cosT = NativeArrays.of(step, cos, new Shape(n, qk));
        NDArray sinT = NativeArrays.of(step, sin, new Shape(n, qk));
        NDIndex write = new NDIndex("{}", NativeArrays.of(step, headSlots(writeSlots)));
        List<GroupTensors> groupTensors = new ArrayList<>();
        for (AttentionGroup g : plan) {
            groupTensors.add(groupTensors(step, batch, g));
        }
        NDArray x = rows(weights.embed, NativeArrays.of(step, tokenIds));
        long[] qkvSplit = {qk, 2L * qk};
        long[] qSplit = {c.qDim()};
        long[] mlpSplit = {c.intermediateSize()};
        Shape headRows = new Shape((long) n * c.numKeyValueHeads(), c.headDim());
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            NDList parts = rmsNorm(x).matMul(weights.qkv[l]).split(qkvSplit, 1);
            NDList qkRoped = parts.get(0).mul(cosT).add(parts.get(1).mul(sinT)).split(qSplit, 1);
            NDArray q = qkRoped.get(0);
            pool.keySlots(l).set(write, qkRoped.get(1).reshape(headRows));
            pool.valueSlots(l).set(write, parts.get(2).reshape(headRows));
            NDArray attn;
            if (plan.size() == 1) {
                attn = attend(l, q, groupTensors.get(0));
            } else {
                NDList outs = new NDList(plan.size());
                for (int gi = 0; gi < plan.size(); gi++) {
                    AttentionGroup g = plan.get(gi);
                    outs.add(attend(l, q.get(g.start() + ":" + g.end()), groupTensors.get(gi)));
                }
                attn = NDArrays.concat(outs, 0);
            }
            x = residual(attn, weights.out[l], x);
            NDList gu = rmsNorm(x).matMul(weights.gateUp[l]).split(mlpSplit, 1);
            NDArray gate = gu.get(0);
            x = residual(gate.mul(Activation.sigmoid(gate)).mul(gu.get(1)), weights.down[l], x);
        }
        return x;
    }

    /**
     * The pool rows (head-major, see {@link KvPool}) that the new keys or values of a step go to: token i's
     * head h, the i·kvHeads + h-th row of the step's [tokens·kvHeads, headDim] view, lands in h's copy of
     * the token's slot.
     */
    private long[] headSlots(long[] slots) {
        int heads = config.numKeyValueHeads();
        long perHead = (long) pool.numBlocks() * pool.blockSize();
        long[] rows = new long[slots.length * heads];
        for (int i = 0; i < slots.length; i++) {
            for (int h = 0; h < heads; h++) {
                rows[i * heads + h] = h * perHead + slots[i];
            }
        }
        return rows;
    }

    private void fillRows(StepInput s, int row, int qk, float[] cos, float[] sin) {
        int heads = config.numAttentionHeads() + config.numKeyValueHeads();
        LlamaModel.fillRope(config, s.startPosition(), s.tokens().length, cos, sin, qk, heads, row * qk);
    }

    /**
     * Pool rows to gather [size·kvHeads·blocks] (member, then head, then block: see {@link KvPool}) and the
     * additive mask [size, 1, groupSize·tokens, blocks·blockSize] for one group. Context is gathered whole
     * blocks at a time, so positions past a sequence's length (the tail of its last block, and blocks a shorter
     * member does not have, padded with its first block) are masked. Mask rows are ordered (query-group, token)
     * to match the GQA reshape of the queries.
     */
    private GroupTensors groupTensors(NDManager step, List<StepInput> batch, AttentionGroup g) {
        int bs = info.blockSize();
        int size = g.members().size();
        int t = batch.get(g.members().get(0)).tokens().length;
        int blocks = 0;
        for (int i : g.members()) {
            StepInput s = batch.get(i);
            blocks = Math.max(blocks, (s.startPosition() + s.tokens().length + bs - 1) / bs);
        }
        int ctx = blocks * bs;
        int gs = config.groupSize();
        int heads = config.numKeyValueHeads();
        long[] ids = new long[size * heads * blocks];
        float[] mask = new float[size * gs * t * ctx];
        for (int b = 0; b < size; b++) {
            StepInput s = batch.get(g.members().get(b));
            int own = (s.startPosition() + s.tokens().length + bs - 1) / bs;
            for (int h = 0; h < heads; h++) {
                for (int j = 0; j < blocks; j++) {
                    ids[(b * heads + h) * blocks + j] = (long) h * pool.numBlocks() + s.blockTable()[j < own ? j : 0];
                }
            }
            for (int gq = 0; gq < gs; gq++) {
                for (int ti = 0; ti < t; ti++) {
                    int base = ((b * gs + gq) * t + ti) * ctx;
                    int visible = s.startPosition() + ti;
                    Arrays.fill(mask, base + visible + 1, base + ctx, MASKED);
                }
            }
        }
        return new GroupTensors(NativeArrays.of(step, ids), NativeArrays.of(step, mask, new Shape(size, 1, (long) gs * t, ctx)),
                size, t, ctx);
    }

    /** Attention for one group's queries [size·tokens, qDim] → [size·tokens, qDim]. */
    private NDArray attend(int layer, NDArray q, GroupTensors g) {
        LlamaConfig c = config;
        int kv = c.numKeyValueHeads();
        int gs = c.groupSize();
        int hd = c.headDim();
        // [size, kv, context, hd] as gathered; K's transpose is of the last two axes only, which the batched
        // matrix product reads in place.
        NDArray k = rows(pool.keyBlocks(layer), g.contextRows()).reshape(g.size(), kv, g.context(), hd)
                .transpose(0, 1, 3, 2);
        NDArray v = rows(pool.valueBlocks(layer), g.contextRows()).reshape(g.size(), kv, g.context(), hd);
        if (g.tokens() == 1) {
            // Decode: one query per sequence, so [size, kv, group, hd] is already the GQA layout (no transposes).
            NDArray p = q.reshape(g.size(), kv, gs, hd).matMul(k).add(g.mask()).softmax(-1);
            return p.matMul(v).reshape(g.size(), c.qDim());
        }
        NDArray qh = q.reshape(g.size(), g.tokens(), kv, gs, hd).transpose(0, 2, 3, 1, 4)
                .reshape(g.size(), kv, (long) gs * g.tokens(), hd);
        NDArray p = qh.matMul(k).add(g.mask()).softmax(-1);
        return p.matMul(v).reshape(g.size(), kv, gs, g.tokens(), hd).transpose(0, 3, 1, 2, 4)
                .reshape((long) g.size() * g.tokens(), c.qDim());
    }

    private NDArray rmsNorm(NDArray x) {
        return x.mul(x.square().mean(new int[]{-1}, true).add(epsilon).pow(minusHalf));
    }

    private long slot(StepInput s, int position) {
        int bs = info.blockSize();
        return (long) s.blockTable()[position / bs] * bs + position % bs;
    }

    private void validate(List<StepInput> batch) {
        for (StepInput s : batch) {
            int end = s.startPosition() + s.tokens().length;
            if (end > config.maxPositionEmbeddings()) {
                throw new IllegalArgumentException("sequence " + s.sequenceId() + " reaches position " + end
                        + " beyond the model context " + config.maxPositionEmbeddings());
            }
            int blocksNeeded = (end + info.blockSize() - 1) / info.blockSize();
            if (s.blockTable().length < blocksNeeded) {
                throw new IllegalArgumentException("sequence " + s.sequenceId() + " needs " + blocksNeeded
                        + " blocks for positions up to " + (end - 1) + " but its block table has "
                        + s.blockTable().length);
            }
            for (int b = 0; b < blocksNeeded; b++) {
                int id = s.blockTable()[b];
                if (id < 0 || id >= info.numBlocks()) {
                    throw new IllegalArgumentException("sequence " + s.sequenceId() + " block table entry " + b
                            + " is " + id + ", outside the pool of " + info.numBlocks() + " blocks");
                }
            }
            for (int tok : s.tokens()) {
                if (tok < 0 || tok >= config.vocabSize()) {
                    throw new IllegalArgumentException("sequence " + s.sequenceId() + " has token id " + tok
                            + " outside the vocabulary of " + config.vocabSize());
                }
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        if (ownsWeights) {
            weights.close();
        }
        manager.close();
    }
}
