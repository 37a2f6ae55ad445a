package dev.aisle.engine.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Hugging Face tensor names of a Llama checkpoint and the shape each must have for a given
 * {@link LlamaConfig}. One place, so that loading, saving and validation agree.
 */
public final class LlamaWeights {

    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private LlamaWeights() {
    }

    public static String layer(int n, String suffix) {
        return "model.layers." + n + "." + suffix;
    }

    public static String q(int n) {
        return layer(n, "self_attn.q_proj.weight");
    }

    public static String k(int n) {
        return layer(n, "self_attn.k_proj.weight");
    }

    public static String v(int n) {
        return layer(n, "self_attn.v_proj.weight");
    }

    public static String o(int n) {
        return layer(n, "self_attn.o_proj.weight");
    }

    public static String gate(int n) {
        return layer(n, "mlp.gate_proj.weight");
    }

    public static String up(int n) {
        return layer(n, "mlp.up_proj.weight");
    }

    public static String down(int n) {
        return layer(n, "mlp.down_proj.weight");
    }

    public static String inputNorm(int n) {
        return layer(n, "input_layernorm.weight");
    }

    public static String postNorm(int n) {
        return layer(n, "post_attention_layernorm.weight");
    }

    /** Every tensor name with its expected shape, in checkpoint order. */
    public static Map<String, long[]> expectedShapes(LlamaConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        long d = c.hiddenSize();
        m.put(EMBED, new long[]{c.vocabSize(), d});
        for (int n = 0; n < c.numHiddenLayers(); n++) {
            m.put(inputNorm(n), new long[]{d});
            m.put(q(n), new long[]{c.qDim(), d});
            m.put(k(n), new long[]{c.kvDim(), d});
            m.put(v(n), new long[]{c.kvDim(), d});
            m.put(o(n), new long[]{d, c.qDim()});
            m.put(postNorm(n), new long[]{d});
            m.put(gate(n), new long[]{c.intermediateSize(), d});
            m.put(up(n), new long[]{c.intermediateSize(), d});
            m.put(down(n), new long[]{d, c.intermediateSize()});
        }
        m.put(FINAL_NORM, new long[]{d});
        if (!c.tieWordEmbeddings()) {
            m.put(LM_HEAD, new long[]{c.vocabSize(), d});
        }
        return m;
    }

    /**
     * Checks that {@code tensors} hold exactly the tensors {@code c} needs, with the right shapes.
     * Reports the first problem through {@code fail(tensorName, problem)}, which must throw.
     */
    public static void validate(LlamaConfig c, Map<String, Tensor> tensors, BiConsumer<String, String> fail) {
        Map<String, long[]> expected = expectedShapes(c);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                fail.accept(e.getKey(), "tensor " + e.getKey() + " is missing (config.json expects shape "
                        + Arrays.toString(e.getValue()) + ")");
                return;
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                fail.accept(e.getKey(), "tensor " + e.getKey() + " has shape " + t.shapeText()
                        + " but config.json (hidden_size " + c.hiddenSize() + ", intermediate_size "
                        + c.intermediateSize() + ", heads " + c.numAttentionHeads() + "/" + c.numKeyValueHeads()
                        + ", head_dim " + c.headDim() + ", vocab_size " + c.vocabSize() + ") needs "
                        + Arrays.toString(e.getValue()));
                return;
            }
        }
        for (String name : tensors.keySet()) {
            boolean tiedHeadCopy = name.equals(LM_HEAD) && c.tieWordEmbeddings();
            if (!expected.containsKey(name) && !tiedHeadCopy && !name.endsWith("rotary_emb.inv_freq")) {
                fail.accept(name, "unexpected tensor " + name + " (config.json has num_hidden_layers "
                        + c.numHiddenLayers() + ", tie_word_embeddings " + c.tieWordEmbeddings() + ")");
                return;
            }
        }
    }
}
