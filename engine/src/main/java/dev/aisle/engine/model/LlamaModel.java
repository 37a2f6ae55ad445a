package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A Llama model whose parameters live as DJL NDArrays under Hugging Face names and shapes
 * ({@code [out, in]} for projections). This is the training-side view: {@link #forward(NDArray)} runs
 * full sequences with a causal mask and is differentiable under DJL's {@code GradientCollector}. The
 * serving path ({@link CpuBackend}) builds fused inference weights from a snapshot of these.
 *
 * <p>The model owns a sub-manager of the manager it was created with; {@link #close()} frees the weights.
 */
public final class LlamaModel implements AutoCloseable {

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final NDArray rotateHalf;
    /**
     * Constants of the forward, made once as PyTorch-owned arrays: autograd keeps the exponent of {@code pow} and
     * the factor of {@code mul} for the backward pass, and the scalars DJL makes for {@code pow(-0.5f)} or
     * {@code mul(scale)} live in GC-managed memory that may be freed before backward runs (see {@link NativeArrays}).
     */
    private final NDArray epsilon;
    private final NDArray minusHalf;
    private final NDArray attentionScale;

    private LlamaModel(LlamaConfig config, NDManager manager, Map<String, Tensor> tensors) {
        this.config = config;
        this.manager = manager;
        Map<String, NDArray> p = new LinkedHashMap<>();
        for (String name : LlamaWeights.expectedShapes(config).keySet()) {
            Tensor t = tensors.get(name);
            NDArray a = NativeArrays.of(manager, t.data(), new Shape(t.shape()));
            a.setName(name);
            p.put(name, a);
        }
        this.params = Collections.unmodifiableMap(p);
        this.rotateHalf = NativeArrays.of(manager, rotateHalfMatrix(config.headDim()),
                new Shape(config.headDim(), config.headDim()));
        this.epsilon = NativeArrays.scalar(manager, (float) config.rmsNormEps());
        this.minusHalf = NativeArrays.scalar(manager, -0.5f);
        this.attentionScale = NativeArrays.scalar(manager, (float) (1.0 / Math.sqrt(config.headDim())));
    }

    /** Builds a model from named tensors, checking names and shapes against the config. */
    public static LlamaModel fromTensors(LlamaConfig config, Map<String, Tensor> tensors, NDManager parent) {
        LlamaWeights.validate(config, tensors, (name, problem) -> {
            throw new IllegalArgumentException(problem);
        });
        return new LlamaModel(config, parent.newSubManager(), tensors);
    }

    /**
     * Random weights for training from scratch: projections ~ N(0, 0.02), output projections scaled by
     * 1/sqrt(2·layers) (GPT-2 style, keeps the residual stream's variance steady), norms at 1.
     */
    public static LlamaModel random(LlamaConfig config, NDManager parent, long seed) {
        Random rnd = new Random(seed);
        double outStd = 0.02 / Math.sqrt(2.0 * config.numHiddenLayers());
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : LlamaWeights.expectedShapes(config).entrySet()) {
            long[] shape = e.getValue();
            int n = 1;
            for (long s : shape) {
                n *= (int) s;
            }
            float[] data = new float[n];
            if (shape.length == 1) {
                java.util.Arrays.fill(data, 1f);
            } else {
                String name = e.getKey();
                double std = name.endsWith("o_proj.weight") || name.endsWith("down_proj.weight") ? outStd : 0.02;
                for (int i = 0; i < n; i++) {
                    data[i] = (float) (rnd.nextGaussian() * std);
                }
            }
            t.put(e.getKey(), new Tensor(shape, data));
        }
        return new LlamaModel(config, parent.newSubManager(), t);
    }

    public LlamaConfig config() {
        return config;
    }

    /** The parameters under their Hugging Face names, in checkpoint order. Trainers update these in place. */
    public Map<String, NDArray> parameters() {
        return params;
    }

    /** Marks every parameter as requiring a gradient (for use under {@code GradientCollector}). */
    public void attachGradients() {
        params.values().forEach(a -> a.setRequiresGradient(true));
    }

    /** The manager that owns the weights. */
    public NDManager manager() {
        return manager;
    }

    /** The lm head as [vocab, d]: the embedding when tied. */
    NDArray headWeight() {
        return config.tieWordEmbeddings() ? params.get(LlamaWeights.EMBED) : params.get(LlamaWeights.LM_HEAD);
    }

    /**
     * Training / scoring forward over whole sequences with a causal mask.
     *
     * @param tokenIds int32 or int64 ids shaped [batch, seq]; seq ≤ max_position_embeddings
     * @return logits [batch, seq, vocab] (float32), attached to {@code tokenIds}' manager
     */
    public NDArray forward(NDArray tokenIds) {
        Shape s = tokenIds.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("tokenIds must be [batch, seq], got " + s);
        }
        int b = (int) s.get(0);
        int t = (int) s.get(1);
        if (t > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence of " + t + " tokens exceeds max_position_embeddings "
                    + config.maxPositionEmbeddings());
        }
        NDManager m = tokenIds.getManager();
        int h = config.numAttentionHeads();
        int kv = config.numKeyValueHeads();
        int g = config.groupSize();
        int hd = config.headDim();
        float[][] cs = ropeTables(config, t);
        NDArray cos = NativeArrays.of(m, cs[0], new Shape(t, hd));
        NDArray sin = NativeArrays.of(m, cs[1], new Shape(t, hd));
        NDArray mask = NativeArrays.of(m, causalMask(t, g), new Shape(g * t, t));

        NDArray ids = tokenIds.getDataType() == DataType.INT64 ? tokenIds : tokenIds.toType(DataType.INT64, false);
        NDArray x = ids.getNDArrayInternal().embedding(ids, params.get(LlamaWeights.EMBED), SparseFormat.DENSE)
                .singletonOrThrow();
        for (int n = 0; n < config.numHiddenLayers(); n++) {
            NDArray hn = rmsNorm(x, params.get(LlamaWeights.inputNorm(n)));
            NDArray q = linear(hn, LlamaWeights.q(n)).reshape(b, t, h, hd).transpose(0, 2, 1, 3);
            NDArray k = linear(hn, LlamaWeights.k(n)).reshape(b, t, kv, hd).transpose(0, 2, 1, 3);
            NDArray v = linear(hn, LlamaWeights.v(n)).reshape(b, t, kv, hd).transpose(0, 2, 1, 3);
            q = rope(q, cos, sin).reshape(b, kv, g * t, hd);
            k = rope(k, cos, sin);
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(attentionScale).add(mask).softmax(-1);
            NDArray o = att.matMul(v).reshape(b, h, t, hd).transpose(0, 2, 1, 3).reshape(b, t, h * hd);
            x = x.add(linear(o, LlamaWeights.o(n)));
            NDArray hm = rmsNorm(x, params.get(LlamaWeights.postNorm(n)));
            NDArray gate = linear(hm, LlamaWeights.gate(n));
            NDArray act = gate.mul(Activation.sigmoid(gate)).mul(linear(hm, LlamaWeights.up(n)));
            x = x.add(linear(act, LlamaWeights.down(n)));
        }
        x = rmsNorm(x, params.get(LlamaWeights.FINAL_NORM));
        return x.matMul(headWeight().transpose());
    }

    private NDArray linear(NDArray x, String weight) {
        return x.matMul(params.get(weight).transpose());
    }

    private NDArray rmsNorm(NDArray x, NDArray gain) {
        NDArray inv = x.square().mean(new int[]{-1}, true).add(epsilon).pow(minusHalf);
        return x.mul(inv).mul(gain);
    }

    /** HF convention: x·cos + rotate_half(x)·sin, with rotate_half done as a matmul (one op instead of four). */
    private NDArray rope(NDArray x, NDArray cos, NDArray sin) {
        return x.mul(cos).add(x.matMul(rotateHalf).mul(sin));
    }

    /** [cos, sin] tables [seq][headDim] flattened, as Hugging Face builds them (freqs repeated twice). */
    static float[][] ropeTables(LlamaConfig c, int seq) {
        int hd = c.headDim();
        float[] cos = new float[seq * hd];
        float[] sin = new float[seq * hd];
        fillRope(c, 0, seq, cos, sin, hd, 1, 0);
        return new float[][]{cos, sin};
    }

    /**
     * Writes rotary cos/sin for positions {@code start..start+count-1} into rows of width
     * {@code rowWidth}, repeated {@code heads} times per row starting at column {@code colOffset}.
     */
    static void fillRope(LlamaConfig c, int start, int count, float[] cos, float[] sin, int rowWidth, int heads,
                         int colOffset) {
        int hd = c.headDim();
        int half = hd / 2;
        for (int p = 0; p < count; p++) {
            int pos = start + p;
            for (int i = 0; i < half; i++) {
                float invFreq = (float) (1.0 / Math.pow(c.ropeTheta(), (2.0 * i) / hd));
                double angle = (double) ((float) pos * invFreq);
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                for (int hh = 0; hh < heads; hh++) {
                    int base = p * rowWidth + colOffset + hh * hd;
                    cos[base + i] = cv;
                    cos[base + i + half] = cv;
                    sin[base + i] = sv;
                    sin[base + i + half] = sv;
                }
            }
        }
    }

    /** R such that x·R == rotate_half(x) == cat(-x[half:], x[:half]). */
    static float[] rotateHalfMatrix(int hd) {
        int half = hd / 2;
        float[] r = new float[hd * hd];
        for (int j = 0; j < half; j++) {
            r[(j + half) * hd + j] = -1f;
            r[j * hd + j + half] = 1f;
        }
        return r;
    }

    /** Additive causal mask for rows ordered (group, position), so GQA needs no repeat of K/V. */
    private static float[] causalMask(int t, int groups) {
        float[] m = new float[groups * t * t];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < t; i++) {
                int row = (g * t + i) * t;
                for (int j = i + 1; j < t; j++) {
                    m[row + j] = -1e9f;
                }
            }
        }
        return m;
    }

    /** Copies the parameters to the Java heap under their Hugging Face names (for saving). */
    public Map<String, Tensor> toTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((name, a) -> out.put(name, new Tensor(a.getShape().getShape(), a.toFloatArray())));
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
