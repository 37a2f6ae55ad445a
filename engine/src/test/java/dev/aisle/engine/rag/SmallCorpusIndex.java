package dev.aisle.engine.rag;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.RetrievalIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One small generated corpus, its index in a temporary AISLE_HOME and the MiniLM model, shared by
 * every RAG test in the JVM (building it is the slow part). Deleted when the JVM exits.
 */
public final class SmallCorpusIndex {

    public static final long SEED = 7;

    private static SmallCorpusIndex shared;

    public final Corpus corpus;
    public final AisleHome home;
    public final MiniLmEmbedder embedder;
    public final IndexBuilder.BuildReport build;
    public final RetrievalIndex index;

    private SmallCorpusIndex() throws IOException {
        corpus = new CorpusGenerator(SEED, CorpusGenerator.Options.small(120)).generate();
        Path root = Files.createTempDirectory("aisle-rag-test");
        home = new AisleHome(root);
        embedder = new MiniLmEmbedder(2);
        build = new IndexBuilder(embedder, null, 2).buildIfStale(corpus, home.indexDir());
        index = RetrievalIndex.open(home.indexDir());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            index.close();
            embedder.close();
            delete(root);
        }));
    }

    public static synchronized SmallCorpusIndex get() {
        if (shared == null) {
            try {
                shared = new SmallCorpusIndex();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort in a shutdown hook
        }
    }
}
