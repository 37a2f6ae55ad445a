package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Map;

/**
 * Weights rearranged for the serving forward, so each decode step runs as few DJL ops as possible:
 * projections transposed to {@code [in, out]} (no transpose per call); RMSNorm gains folded into the
 * next projection's rows; the attention scale folded into the query columns; rotate_half folded in too,
 * as extra columns {@code Wq·R} and {@code Wk·R}, so RoPE is {@code a·cos + b·sin} on one matmul's output;
 * Q, K, V (and their rotated copies) in one matrix; gate and up in one matrix.
 *
 * <p>Columns of {@code qkv}: {@code [q | k | q·R | k·R | v]}. The output projections ({@code out},
 * {@code down}) stay {@code [out, in]} as in the checkpoint: they run as torch's {@code linear} with the
 * residual stream as the bias, which fuses the residual add into the matmul.
 */
final class InferenceWeights implements AutoCloseable {

    final LlamaConfig config;
    final NDManager manager;
    final NDArray embed;
    final NDArray[] qkv;
    final NDArray[] out;
    final NDArray[] gateUp;
    final NDArray[] down;
    final NDArray head;

    InferenceWeights(LlamaModel model, NDManager parent) {
        this.config = model.config();
        this.manager = parent.newSubManager();
        Map<String, Tensor> t = model.toTensors();
        LlamaConfig c = config;
        int d = c.hiddenSize();
        int layers = c.numHiddenLayers();
        qkv = new NDArray[layers];
        out = new NDArray[layers];
        gateUp = new NDArray[layers];
        down = new NDArray[layers];
        Tensor emb = t.get(LlamaWeights.EMBED);
        embed = NativeArrays.of(manager, emb.data(), new Shape(emb.shape()));
        float scale = (float) (1.0 / Math.sqrt(c.headDim()));
        for (int l = 0; l < layers; l++) {
            float[] g1 = t.get(LlamaWeights.inputNorm(l)).data();
            float[] q = transposeScaled(t.get(LlamaWeights.q(l)), g1, scale);
            float[] k = transposeScaled(t.get(LlamaWeights.k(l)), g1, 1f);
            float[] v = transposeScaled(t.get(LlamaWeights.v(l)), g1, 1f);
            float[] qr = rotateColumns(q, d, c.qDim(), c.headDim());
            float[] kr = rotateColumns(k, d, c.kvDim(), c.headDim());
            qkv[l] = NativeArrays.of(manager, concatColumns(d, q, k, qr, kr, v), new Shape(d, 2L * c.qDim() + 3L * c.kvDim()));
            out[l] = NativeArrays.of(manager, t.get(LlamaWeights.o(l)).data(), new Shape(d, c.qDim()));
            float[] g2 = t.get(LlamaWeights.postNorm(l)).data();
            int f = c.intermediateSize();
            gateUp[l] = NativeArrays.of(manager, concatColumns(d, transposeScaled(t.get(LlamaWeights.gate(l)), g2, 1f),
                    transposeScaled(t.get(LlamaWeights.up(l)), g2, 1f)), new Shape(d, 2L * f));
            down[l] = NativeArrays.of(manager, t.get(LlamaWeights.down(l)).data(), new Shape(d, f));
        }
        Tensor h = c.tieWordEmbeddings() ? emb : t.get(LlamaWeights.LM_HEAD);
        head = NativeArrays.of(manager, transposeScaled(h, t.get(LlamaWeights.FINAL_NORM).data(), 1f), new Shape(d, c.vocabSize()));
    }

    /** [out, in] → [in, out], row i multiplied by gain[i] (when given) and every value by scale. */
    private static float[] transposeScaled(Tensor w, float[] gain, float scale) {
        int rows = (int) w.shape()[0];
        int cols = (int) w.shape()[1];
        float[] src = w.data();
        float[] dst = new float[src.length];
        for (int o = 0; o < rows; o++) {
            for (int i = 0; i < cols; i++) {
                float g = gain == null ? 1f : gain[i];
                dst[i * rows + o] = src[o * cols + i] * g * scale;
            }
        }
        return dst;
    }

    /** For an [in, width] matrix of heads, the matrix whose output is rotate_half of each head's output. */
    private static float[] rotateColumns(float[] w, int in, int width, int hd) {
        int half = hd / 2;
        float[] r = new float[w.length];
        for (int i = 0; i < in; i++) {
            for (int head = 0; head < width / hd; head++) {
                int base = i * width + head * hd;
                for (int j = 0; j < half; j++) {
                    r[base + j] = -w[base + j + half];
                    r[base + j + half] = w[base + j];
                }
            }
        }
        return r;
    }

    /** Concatenates row-major [rows, w_k] matrices side by side (each width is its length / rows). */
    private static float[] concatColumns(int rows, float[]... parts) {
        int total = 0;
        for (float[] p : parts) {
            total += p.length / rows;
        }
        float[] out = new float[rows * total];
        int col = 0;
        for (float[] a : parts) {
            int w = a.length / rows;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a, r * w, out, r * total + col, w);
            }
            col += w;
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
