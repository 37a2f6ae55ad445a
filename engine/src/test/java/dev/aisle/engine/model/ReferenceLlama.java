package dev.aisle.engine.model;

import java.util.Map;

/**
 * A slow, obviously-correct Llama forward in plain Java (no DJL), written straight from the Hugging
 * Face modelling code: embedding, RMSNorm, RoPE with rotate_half, grouped-query attention with a causal
 * mask, SwiGLU, final norm, lm head. Doubles for accumulation.
 */
final class ReferenceLlama {

    private final LlamaConfig c;
    private final Map<String, Tensor> w;

    ReferenceLlama(LlamaConfig c, Map<String, Tensor> weights) {
        this.c = c;
        this.w = weights;
    }

    /** Logits [seq][vocab] for one sequence. */
    float[][] forward(int[] ids) {
        int t = ids.length;
        int d = c.hiddenSize();
        float[] emb = w.get(LlamaWeights.EMBED).data();
        float[][] x = new float[t][d];
        for (int i = 0; i < t; i++) {
            System.arraycopy(emb, ids[i] * d, x[i], 0, d);
        }
        int h = c.numAttentionHeads();
        int kvh = c.numKeyValueHeads();
        int hd = c.headDim();
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            float[][] hn = norm(x, w.get(LlamaWeights.inputNorm(l)).data());
            float[][] q = linear(hn, w.get(LlamaWeights.q(l)));
            float[][] k = linear(hn, w.get(LlamaWeights.k(l)));
            float[][] v = linear(hn, w.get(LlamaWeights.v(l)));
            for (int i = 0; i < t; i++) {
                for (int hh = 0; hh < h; hh++) {
                    rope(q[i], hh * hd, i);
                }
                for (int hh = 0; hh < kvh; hh++) {
                    rope(k[i], hh * hd, i);
                }
            }
            float[][] attn = new float[t][h * hd];
            for (int hh = 0; hh < h; hh++) {
                int kvHead = hh / (h / kvh);
                for (int i = 0; i < t; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int e = 0; e < hd; e++) {
                            dot += (double) q[i][hh * hd + e] * k[j][kvHead * hd + e];
                        }
                        s[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int e = 0; e < hd; e++) {
                        double acc = 0;
                        for (int j = 0; j <= i; j++) {
                            acc += s[j] / sum * v[j][kvHead * hd + e];
                        }
                        attn[i][hh * hd + e] = (float) acc;
                    }
                }
            }
            add(x, linear(attn, w.get(LlamaWeights.o(l))));
            float[][] hm = norm(x, w.get(LlamaWeights.postNorm(l)).data());
            float[][] g = linear(hm, w.get(LlamaWeights.gate(l)));
            float[][] u = linear(hm, w.get(LlamaWeights.up(l)));
            for (int i = 0; i < t; i++) {
                for (int e = 0; e < g[i].length; e++) {
                    double gv = g[i][e];
                    g[i][e] = (float) (gv / (1 + Math.exp(-gv)) * u[i][e]);
                }
            }
            add(x, linear(g, w.get(LlamaWeights.down(l))));
        }
        float[][] xn = norm(x, w.get(LlamaWeights.FINAL_NORM).data());
        Tensor head = c.tieWordEmbeddings() ? w.get(LlamaWeights.EMBED) : w.get(LlamaWeights.LM_HEAD);
        return linear(xn, head);
    }

    private void rope(float[] vec, int off, int pos) {
        int hd = c.headDim();
        int half = hd / 2;
        float[] out = new float[hd];
        for (int i = 0; i < hd; i++) {
            int fi = i % half;
            double invFreq = 1.0 / Math.pow(c.ropeTheta(), 2.0 * fi / hd);
            double ang = pos * invFreq;
            double rot = i < half ? -vec[off + i + half] : vec[off + i - half];
            out[i] = (float) (vec[off + i] * Math.cos(ang) + rot * Math.sin(ang));
        }
        System.arraycopy(out, 0, vec, off, hd);
    }

    private float[][] norm(float[][] x, float[] gain) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double ss = 0;
            for (float v : x[i]) {
                ss += (double) v * v;
            }
            double inv = 1.0 / Math.sqrt(ss / x[i].length + c.rmsNormEps());
            out[i] = new float[x[i].length];
            for (int e = 0; e < x[i].length; e++) {
                out[i][e] = (float) (x[i][e] * inv * gain[e]);
            }
        }
        return out;
    }

    /** y = x·Wᵀ with W stored [out, in] as Hugging Face does. */
    private static float[][] linear(float[][] x, Tensor wt) {
        int out = (int) wt.shape()[0];
        int in = (int) wt.shape()[1];
        float[] wd = wt.data();
        float[][] y = new float[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double acc = 0;
                for (int e = 0; e < in; e++) {
                    acc += (double) x[i][e] * wd[o * in + e];
                }
                y[i][o] = (float) acc;
            }
        }
        return y;
    }

    private static void add(float[][] x, float[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int e = 0; e < x[i].length; e++) {
                x[i][e] += y[i][e];
            }
        }
    }
}
