package dev.aisle.engine.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face style model directory: {@code config.json}, {@code model.safetensors},
 * {@code tokenizer.json}, {@code generation_config.json} and Aisle's {@code aisle.json} lineage.
 * Reading checks the files against each other and fails with a {@link ModelLoadException} that names
 * the file and the problem.
 */
public record ModelDirectory(Path dir) {

    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String GENERATION = "generation_config.json";
    public static final String LINEAGE = "aisle.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path file(String name) {
        return dir.resolve(name);
    }

    private void requireDir() {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir, Files.exists(dir) ? "not a directory" : "model directory does not exist");
        }
    }

    public LlamaConfig readConfig() {
        requireDir();
        return LlamaConfig.read(file(CONFIG));
    }

    /** Loads config + weights; tensor names and shapes are checked against the config. */
    public LlamaModel loadModel(NDManager parent) {
        LlamaConfig config = readConfig();
        Path weights = file(WEIGHTS);
        Map<String, Tensor> tensors = Safetensors.read(weights, null);
        LlamaWeights.validate(config, tensors, (name, problem) -> {
            throw new ModelLoadException(weights, problem);
        });
        return LlamaModel.fromTensors(config, tensors, parent);
    }

    /** Loads the tokenizer and checks that its ids fit the model's vocabulary. */
    public ShopTokenizer loadTokenizer(LlamaConfig config) {
        requireDir();
        ShopTokenizer tok = ShopTokenizer.load(file(TOKENIZER));
        if (tok.vocabSize() > config.vocabSize()) {
            int n = tok.vocabSize();
            tok.close();
            throw new ModelLoadException(file(TOKENIZER), "tokenizer has " + n + " ids but config.json vocab_size is "
                    + config.vocabSize() + " (tokenizer and model do not belong together)");
        }
        return tok;
    }

    /** Reads generation_config.json; when absent, chat defaults from the tokenizer's END / PAD. */
    public GenerationDefaults readGenerationDefaults(ShopTokenizer tokenizer) {
        Path f = file(GENERATION);
        int end = tokenizer.hasSpecial(ChatTokens.END) ? tokenizer.specialId(ChatTokens.END) : 0;
        int pad = tokenizer.hasSpecial(ChatTokens.PAD) ? tokenizer.specialId(ChatTokens.PAD) : 0;
        if (!Files.exists(f)) {
            return GenerationDefaults.chat(end, pad);
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            List<Integer> eos = new ArrayList<>();
            JsonNode e = n.path("eos_token_id");
            if (e.isArray()) {
                e.forEach(x -> eos.add(x.asInt()));
            } else if (e.isIntegralNumber()) {
                eos.add(e.asInt());
            } else {
                eos.add(end);
            }
            boolean sample = n.path("do_sample").asBoolean(false);
            return new GenerationDefaults(eos, n.path("pad_token_id").asInt(pad),
                    sample ? n.path("temperature").asDouble(1.0) : 0.0, n.path("top_k").asInt(0),
                    n.path("top_p").asDouble(1.0), n.path("max_new_tokens").asInt(256));
        } catch (IOException ex) {
            throw new ModelLoadException(f, "not valid JSON: " + ex.getMessage(), ex);
        }
    }

    /** Reads aisle.json; a checkpoint from elsewhere has none and counts as "imported". */
    public Lineage readLineage() {
        Path f = file(LINEAGE);
        if (!Files.exists(f)) {
            return new Lineage("", "imported", 0, "", "", "", Map.of());
        }
        try {
            return JSON.readValue(f.toFile(), Lineage.class);
        } catch (IOException ex) {
            throw new ModelLoadException(f, "not a valid lineage record: " + ex.getMessage(), ex);
        }
    }

    /** Loads and cross-checks everything in the directory. */
    public LoadedModel load(NDManager parent) {
        LlamaConfig config = readConfig();
        ShopTokenizer tok = loadTokenizer(config);
        try {
            GenerationDefaults gen = readGenerationDefaults(tok);
            Lineage lineage = readLineage();
            LlamaModel model = loadModel(parent);
            return new LoadedModel(this, config, model, tok, gen, lineage);
        } catch (RuntimeException e) {
            tok.close();
            throw e;
        }
    }

    /** Writes config.json and model.safetensors. */
    public void writeModel(LlamaModel model) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file(CONFIG).toFile(), model.config().toJson());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", "pt");
            Safetensors.write(file(WEIGHTS), model.toTensors(), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + dir, e);
        }
    }

    public void writeTokenizer(Path tokenizerJson) {
        try {
            Files.createDirectories(dir);
            if (!tokenizerJson.toAbsolutePath().equals(file(TOKENIZER).toAbsolutePath())) {
                Files.copy(tokenizerJson, file(TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + tokenizerJson + " into " + dir, e);
        }
    }

    public void writeGenerationDefaults(GenerationDefaults g) {
        ObjectNode n = JSON.createObjectNode();
        var eos = n.putArray("eos_token_id");
        g.eosTokenIds().forEach(eos::add);
        n.put("pad_token_id", g.padTokenId());
        n.put("do_sample", g.temperature() > 0);
        if (g.temperature() > 0) {
            n.put("temperature", g.temperature());
            n.put("top_k", g.topK());
            n.put("top_p", g.topP());
        }
        n.put("max_new_tokens", g.maxNewTokens());
        write(file(GENERATION), n);
    }

    public void writeLineage(Lineage lineage) {
        write(file(LINEAGE), JSON.valueToTree(lineage));
    }

    /** Writes the whole directory. */
    public void save(LlamaModel model, Path tokenizerJson, GenerationDefaults generation, Lineage lineage) {
        writeModel(model);
        writeTokenizer(tokenizerJson);
        writeGenerationDefaults(generation);
        writeLineage(lineage);
    }

    private void write(Path f, JsonNode n) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(f.toFile(), n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
