package dev.aisle.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The shape of a Llama model, as Hugging Face's {@code config.json} spells it (model_type "llama").
 *
 * @param hiddenSize            width of the residual stream (d)
 * @param intermediateSize      SwiGLU hidden width
 * @param numHiddenLayers       decoder layers
 * @param numAttentionHeads     query heads
 * @param numKeyValueHeads      key/value heads (grouped-query attention when fewer than query heads)
 * @param headDim               per-head width; hidden_size / num_attention_heads unless the file says otherwise
 * @param rmsNormEps            epsilon inside RMSNorm
 * @param ropeTheta             rotary base
 * @param vocabSize             rows of the embedding and of the lm head
 * @param maxPositionEmbeddings the context the model may use
 * @param tieWordEmbeddings     lm head shares the embedding matrix
 */
public record LlamaConfig(int hiddenSize, int intermediateSize, int numHiddenLayers, int numAttentionHeads,
                          int numKeyValueHeads, int headDim, double rmsNormEps, double ropeTheta, int vocabSize,
                          int maxPositionEmbeddings, boolean tieWordEmbeddings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LlamaConfig {
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("head_dim", headDim);
        positive("vocab_size", vocabSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + numAttentionHeads
                    + ") must be a multiple of num_key_value_heads (" + numKeyValueHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings, got " + headDim);
        }
        if (!(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rms_norm_eps must be > 0, got " + rmsNormEps);
        }
        if (!(ropeTheta > 0)) {
            throw new IllegalArgumentException("rope_theta must be > 0, got " + ropeTheta);
        }
    }

    /** The shipped default: d 256, 6 layers, SwiGLU 688, 8 heads over 4 KV heads, vocab 4096, context 1024. */
    public static LlamaConfig defaultShape() {
        return new LlamaConfig(256, 688, 6, 8, 4, 32, 1e-5, 10000.0, 4096, 1024, true);
    }

    /** A convenience constructor with head_dim derived from hidden_size / num_attention_heads. */
    public static LlamaConfig of(int hiddenSize, int intermediateSize, int layers, int heads, int kvHeads,
                                 int vocabSize, int context, boolean tied) {
        if (heads <= 0 || hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not divisible by num_attention_heads " + heads);
        }
        return new LlamaConfig(hiddenSize, intermediateSize, layers, heads, kvHeads, hiddenSize / heads,
                1e-5, 10000.0, vocabSize, context, tied);
    }

    public int groupSize() {
        return numAttentionHeads / numKeyValueHeads;
    }

    public int qDim() {
        return numAttentionHeads * headDim;
    }

    public int kvDim() {
        return numKeyValueHeads * headDim;
    }

    /** Number of trainable values, counting a tied head once. */
    public long parameterCount() {
        long d = hiddenSize;
        long perLayer = d * qDim() + 2 * d * kvDim() + (long) qDim() * d + 3 * d * intermediateSize + 2 * d;
        long total = (long) vocabSize * d + numHiddenLayers * perLayer + d;
        return tieWordEmbeddings ? total : total + (long) vocabSize * d;
    }

    /** Reads {@code config.json}; every problem names the file and the field. */
    public static LlamaConfig read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(file, "config.json is missing");
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelLoadException(file, "expected a JSON object");
        }
        String type = root.path("model_type").asText("");
        if (!type.equals("llama")) {
            throw new ModelLoadException(file, "unknown model_type \"" + type
                    + "\"; this engine runs model_type \"llama\" (Llama-family checkpoints)");
        }
        String act = root.path("hidden_act").asText("silu");
        if (!act.equals("silu")) {
            throw new ModelLoadException(file, "hidden_act \"" + act + "\" is not supported (only silu)");
        }
        if (root.hasNonNull("rope_scaling")) {
            throw new ModelLoadException(file, "rope_scaling " + root.get("rope_scaling") + " is not supported");
        }
        if (root.path("attention_bias").asBoolean(false) || root.path("mlp_bias").asBoolean(false)) {
            throw new ModelLoadException(file, "attention_bias / mlp_bias are not supported");
        }
        int hidden = intField(root, file, "hidden_size");
        int heads = intField(root, file, "num_attention_heads");
        int kvHeads = root.has("num_key_value_heads") ? intField(root, file, "num_key_value_heads") : heads;
        int headDim = root.hasNonNull("head_dim") ? intField(root, file, "head_dim") : (heads > 0 ? hidden / heads : 0);
        try {
            return new LlamaConfig(hidden, intField(root, file, "intermediate_size"),
                    intField(root, file, "num_hidden_layers"), heads, kvHeads, headDim,
                    root.path("rms_norm_eps").asDouble(1e-6), root.path("rope_theta").asDouble(10000.0),
                    intField(root, file, "vocab_size"), intField(root, file, "max_position_embeddings"),
                    root.path("tie_word_embeddings").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file, e.getMessage(), e);
        }
    }

    private static int intField(JsonNode root, Path file, String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new ModelLoadException(file, "missing required field \"" + name + "\"");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new ModelLoadException(file, "field \"" + name + "\" must be an integer, got " + n);
        }
        return n.intValue();
    }

    /** The {@code config.json} that Hugging Face transformers reads for this shape. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.putArray("architectures").add("LlamaForCausalLM");
        o.put("model_type", "llama");
        o.put("hidden_size", hiddenSize);
        o.put("intermediate_size", intermediateSize);
        o.put("num_hidden_layers", numHiddenLayers);
        o.put("num_attention_heads", numAttentionHeads);
        o.put("num_key_value_heads", numKeyValueHeads);
        o.put("head_dim", headDim);
        o.put("hidden_act", "silu");
        o.put("rms_norm_eps", rmsNormEps);
        o.put("rope_theta", ropeTheta);
        o.put("vocab_size", vocabSize);
        o.put("max_position_embeddings", maxPositionEmbeddings);
        o.put("tie_word_embeddings", tieWordEmbeddings);
        o.put("attention_bias", false);
        o.put("mlp_bias", false);
        o.put("torch_dtype", "float32");
        return o;
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + v);
        }
    }
}
