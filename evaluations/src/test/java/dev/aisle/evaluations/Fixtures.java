package dev.aisle.evaluations;

import ai.djl.ndarray.NDManager;
import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.GenerationDefaults;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.evaluations.metric.Catalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A three-product catalogue whose numbers the metric tests compute by hand. */
public final class Fixtures {

    public static final String TRAIL = "B0TRL00001";
    public static final String ROAD = "B0RD000002";
    public static final String DINO = "B0TOY00003";

    private Fixtures() {
    }

    public static List<Product> products() {
        return List.of(
                new Product(TRAIL, "Acme Trail Runner 2", "Acme", List.of("Sports", "Running", "Trail Running Shoes"),
                        129.99, 149.99, 4.5, 120,
                        List.of(new Attribute("drop", "4", "mm"), new Attribute("weight", "280", "g"), Attribute.text("waterproof", "yes")),
                        List.of("Grippy lugs"), "A trail shoe with a low drop."),
                new Product(ROAD, "Zoom Road Glide", "Zoom", List.of("Sports", "Running", "Road Running Shoes"),
                        89.50, 89.50, 4.1, 80,
                        List.of(new Attribute("drop", "8", "mm"), new Attribute("weight", "250", "g"), Attribute.text("waterproof", "no")),
                        List.of("Soft foam"), "A cushioned road shoe."),
                new Product(DINO, "Playco Dino Roar T-Rex", "Playco", List.of("Toys", "Dinosaurs"),
                        24.99, 29.99, 4.7, 300,
                        List.of(new Attribute("min age", "3", "years"), new Attribute("max age", "7", "years")),
                        List.of("Roars"), "A dinosaur that roars."));
    }

    public static Catalogue catalogue() {
        return Catalogue.of(products());
    }

    public static List<EvidenceLine> evidence() {
        return List.of(
                new EvidenceLine("E1", "review", TRAIL, "Light and grippy, the low drop felt natural on rocky trails."),
                new EvidenceLine("E2", "product", ROAD, "Zoom Road Glide, a cushioned road shoe for daily miles."));
    }

    /**
     * A random-weight Llama with a tokenizer trained on {@code corpus}, saved as a model directory
     * under {@code root}: enough to run the real pipeline, not to say anything about quality.
     */
    /** An AISLE_HOME under {@code root} holding {@code corpus}, as {@code ./aisle corpus} would leave it. */
    public static AisleHome home(Path root, Corpus corpus) throws IOException {
        AisleHome home = new AisleHome(root.resolve("home"));
        CorpusStore.write(corpus, home.corpusDir(), null, List.of("test"));
        return home;
    }

    public static Path randomModel(Corpus corpus, Path root) throws IOException {
        BpeTrainer trainer = BpeTrainer.forChat(600);
        new PretrainingText(corpus).training().stream().limit(1500).forEach(d -> trainer.addAll(List.of(d.text())));
        Path tokenizerJson = root.resolve("tokenizer.json");
        TokenizerJson.write(trainer.train(), tokenizerJson);
        Path modelDir = root.resolve("tiny");
        try (ShopTokenizer tokenizer = ShopTokenizer.load(tokenizerJson); NDManager m = NDManager.newBaseManager("PyTorch")) {
            LlamaModel model = LlamaModel.random(LlamaConfig.of(32, 64, 2, 4, 2, tokenizer.vocabSize(), 1024, true), m, 3);
            new ModelDirectory(modelDir).save(model, tokenizerJson,
                    GenerationDefaults.chat(tokenizer.specialId(ChatTokens.END), tokenizer.specialId(ChatTokens.PAD)),
                    new Lineage(corpus.contentHash(), "random", 0, "", "", "2026-11-25T00:00:00Z", Map.of()));
            model.close();
        }
        return modelDir;
    }
}
