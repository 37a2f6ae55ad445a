package dev.aisle.app.cli;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Options every training stage shares: where the corpus is, the seed and the CPU threads. */
public final class TrainOptions {

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "corpus directory (default: AISLE_HOME/corpus, generated with the default seed if missing)")
    Path corpus;

    @Option(names = "--seed", defaultValue = "1234", description = "seed for initial weights and data order (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch intra-op threads; 0 keeps PyTorch's default. 1 is fastest on a busy machine.")
    int threads;

    /** Must run before the first NDManager is created. */
    void applyThreads() {
        applyThreads(threads);
    }

    static void applyThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    Corpus loadCorpus() throws IOException {
        Path dir = corpus != null ? corpus : AisleHome.fromEnvironment().corpusDir();
        if (corpus != null && !CorpusStore.exists(dir)) {
            throw new IllegalArgumentException("--corpus " + dir + ": no corpus there (manifest.json missing)");
        }
        System.err.println("train: corpus " + dir);
        return CorpusStore.loadOrGenerate(dir, CorpusGenerator.DEFAULT_SEED);
    }

    static Path modelsDir(String name) {
        return AisleHome.fromEnvironment().modelsDir().resolve(name);
    }
}
