package dev.aisle.app.workbench.support;

import ai.djl.ndarray.NDManager;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.assistant.DefaultModel;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.GenerationDefaults;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real engine at test size, built once per test JVM: a 40-product generated corpus with its
 * Lucene + MiniLM index, and a random-weight Llama (d 32, 2 layers) on the shipped tokenizer.
 * Random weights answer nonsense quickly, which is all the wiring tests need. Each test gets a
 * fresh AISLE_HOME ({@link #freshHome()}) with a copy of corpus and index and its own feedback store.
 */
public final class TinyEngine {

    private static TinyEngine shared;

    private final Path template;
    private final Path modelDir;

    private TinyEngine(Path template, Path modelDir) {
        this.template = template;
        this.modelDir = modelDir;
    }

    public static synchronized TinyEngine get() throws IOException {
        if (shared == null) {
            shared = build(Files.createTempDirectory("aisle-tiny-engine"));
        }
        return shared;
    }

    private static TinyEngine build(Path root) throws IOException {
        AisleHome home = new AisleHome(root.resolve("template"));
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        CorpusStore.write(corpus, home.corpusDir(), 7L, List.of("test"));
        // Opening the pipeline builds the index; closing it keeps the files for every copy.
        RagPipeline.open(home, corpus, List.of(), new PrintStream(OutputStream.nullOutputStream())).close();
        Path shipped = Files.createDirectories(root.resolve("shipped"));
        Path shippedTokenizer = DefaultModel.materialize(shipped).orElseThrow(
                () -> new IllegalStateException("the tests need the shipped model's tokenizer")).resolve(ModelDirectory.TOKENIZER);
        Path modelDir = root.resolve("tiny-model");
        try (ShopTokenizer tokenizer = ShopTokenizer.load(shippedTokenizer); NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.random(LlamaConfig.of(32, 64, 2, 4, 2, tokenizer.vocabSize(), 1024, true), m, 5)) {
            new ModelDirectory(modelDir).save(model, shippedTokenizer,
                    GenerationDefaults.chat(tokenizer.specialId(ChatTokens.END), tokenizer.specialId(ChatTokens.PAD)),
                    new Lineage(corpus.contentHash(), "random", 0, "", "", "2026-11-26T00:00:00Z", Map.of()));
        }
        return new TinyEngine(home.root(), modelDir);
    }

    /** The random-weight model directory (what {@code -Daisle.model} would name). */
    public Path modelDir() {
        return modelDir;
    }

    /** A new AISLE_HOME holding the corpus and its index, nothing else. */
    public AisleHome freshHome() throws IOException {
        AisleHome home = new AisleHome(Files.createTempDirectory(template.getParent(), "home-"));
        AisleHome from = new AisleHome(template);
        copyTree(from.corpusDir(), home.corpusDir());
        copyTree(from.indexDir(), home.indexDir());
        return home;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
