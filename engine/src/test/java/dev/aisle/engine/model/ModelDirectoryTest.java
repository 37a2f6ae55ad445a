package dev.aisle.engine.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of broken model directory fails with a message naming the file and the problem. */
class ModelDirectoryTest {

    static NDManager manager;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path dir;
    Path tokenizerJson;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @BeforeEach
    void writeGoodDirectory() throws IOException {
        tokenizerJson = tmp.resolve("tok.json");
        var res = BpeTrainer.forChat(300).addAll(List.of("warm golf gloves for cold mornings", "trail shoes")).train();
        TokenizerJson.write(res, tokenizerJson);
        int vocab = res.vocab().size();
        LlamaConfig c = new LlamaConfig(16, 32, 2, 2, 1, 8, 1e-5, 10000.0, vocab, 32, false);
        dir = tmp.resolve("model");
        try (LlamaModel m = LlamaModel.random(c, manager, 1)) {
            new ModelDirectory(dir).save(m, tokenizerJson, GenerationDefaults.chat(5, 0), Lineage.of("random", "", 0, ""));
        }
    }

    ModelLoadException failure() {
        return assertThrows(ModelLoadException.class, () -> new ModelDirectory(dir).load(manager).close());
    }

    void assertNames(ModelLoadException e, String file, String... words) {
        assertTrue(e.getMessage().contains(file), "message should name " + file + ": " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message should say '" + w + "': " + e.getMessage());
        }
    }

    ObjectNode config() throws IOException {
        return (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    }

    @Test
    void goodDirectoryLoadsWithEverything() {
        try (LoadedModel m = new ModelDirectory(dir).load(manager)) {
            assertEquals(List.of(5), m.generation().eosTokenIds());
            assertEquals("random", m.lineage().stage());
            assertEquals(0, m.tokenizer().specialId(ChatTokens.PAD));
        }
    }

    @Test
    void missingDirectory() {
        dir = tmp.resolve("nowhere");
        assertNames(failure(), "nowhere", "does not exist");
    }

    @Test
    void missingConfig() throws IOException {
        Files.delete(dir.resolve("config.json"));
        assertNames(failure(), "config.json", "missing");
    }

    @Test
    void corruptConfigJson() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"llama\", ");
        assertNames(failure(), "config.json", "not valid JSON");
    }

    @Test
    void unknownModelType() throws IOException {
        ObjectNode c = config().put("model_type", "gpt2");
        JSON.writeValue(dir.resolve("config.json").toFile(), c);
        assertNames(failure(), "config.json", "unknown model_type \"gpt2\"");
    }

    @Test
    void missingField() throws IOException {
        ObjectNode c = config();
        c.remove("hidden_size");
        JSON.writeValue(dir.resolve("config.json").toFile(), c);
        assertNames(failure(), "config.json", "hidden_size");
    }

    @Test
    void configNotMatchingWeightsNamesTensorAndShapes() throws IOException {
        JSON.writeValue(dir.resolve("config.json").toFile(), config().put("intermediate_size", 40));
        assertNames(failure(), "model.safetensors", "model.layers.0.mlp.gate_proj.weight", "[32, 16]", "[40, 16]");
    }

    @Test
    void moreLayersInWeightsThanConfig() throws IOException {
        JSON.writeValue(dir.resolve("config.json").toFile(), config().put("num_hidden_layers", 1));
        assertNames(failure(), "model.safetensors", "unexpected tensor model.layers.1");
    }

    @Test
    void missingWeightsFile() throws IOException {
        Files.delete(dir.resolve("model.safetensors"));
        assertNames(failure(), "model.safetensors", "missing");
    }

    @Test
    void truncatedWeights() throws IOException {
        Path w = dir.resolve("model.safetensors");
        byte[] all = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(all, all.length / 2));
        assertNames(failure(), "model.safetensors", "truncated");
    }

    @Test
    void garbageWeights() throws IOException {
        Files.write(dir.resolve("model.safetensors"), "this is not a tensor file at all".getBytes());
        assertNames(failure(), "model.safetensors", "corrupt");
    }

    @Test
    void tokenizerLargerThanVocabulary() throws IOException {
        JSON.writeValue(dir.resolve("config.json").toFile(), config().put("vocab_size", 100));
        assertNames(failure(), "tokenizer.json", "vocab_size is 100");
    }

    @Test
    void missingTokenizer() throws IOException {
        Files.delete(dir.resolve("tokenizer.json"));
        assertNames(failure(), "tokenizer.json", "missing");
    }

    @Test
    void realCheckpointConfigIsRead() throws IOException {
        // TinyLlama-1.1B's config.json, as published.
        Path f = tmp.resolve("tinyllama.json");
        Files.writeString(f, """
                {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "bos_token_id": 1, "eos_token_id": 2,
                 "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 5632,
                 "max_position_embeddings": 2048, "model_type": "llama", "num_attention_heads": 32,
                 "num_hidden_layers": 22, "num_key_value_heads": 4, "pretraining_tp": 1, "rms_norm_eps": 1e-05,
                 "rope_scaling": null, "rope_theta": 10000.0, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
                 "transformers_version": "4.35.0", "use_cache": true, "vocab_size": 32000}""");
        LlamaConfig c = LlamaConfig.read(f);
        assertEquals(new LlamaConfig(2048, 5632, 22, 32, 4, 64, 1e-5, 10000.0, 32000, 2048, false), c);
        assertEquals(1_100_048_384L, c.parameterCount());
    }

    @Test
    void halfAndBfloatWeightsAreWidened() throws IOException {
        Path f = tmp.resolve("h.safetensors");
        String header = "{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}";
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length()).put(header.getBytes());
        buf.putShort((short) 0x3C00).putShort((short) 0xC000); // 1.0, -2.0 in F16
        buf.putShort((short) 0x3FC0).putShort((short) 0x4049); // 1.5, ~3.140625 in BF16
        Files.write(f, buf.array());
        Map<String, Tensor> t = Safetensors.read(f, new LinkedHashMap<>());
        assertArrayEquals(new float[]{1f, -2f}, t.get("a").data());
        assertArrayEquals(new float[]{1.5f, 3.140625f}, t.get("b").data());
    }
}
