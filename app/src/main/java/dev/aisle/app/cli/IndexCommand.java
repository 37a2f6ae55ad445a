package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.rag.embed.MiniLmEmbedder;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.index.RetrievalIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./aisle index}: builds or refreshes the retrieval index under AISLE_HOME. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or refresh the retrieval index (Lucene BM25 + MiniLM vectors) under AISLE_HOME/index."
                + " Rebuilds only when the corpus content hash changed, unless --force.")
public final class IndexCommand implements Callable<Integer> {

    @Option(names = "--force", description = "rebuild even when the index is up to date")
    boolean force;

    @Option(names = "--threads", description = "embedding and indexing threads (default: all cores)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object with the build report on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AisleHome home = AisleHome.fromEnvironment();
        System.err.println("corpus: " + home.corpusDir() + (CorpusStore.exists(home.corpusDir()) ? "" : " (generating the default corpus)"));
        Corpus corpus = CorpusStore.loadOrGenerate(home.corpusDir(), CorpusGenerator.DEFAULT_SEED);
        int n = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        if (n <= 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + n);
        }
        IndexBuilder.BuildReport report;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(n)) {
            IndexBuilder builder = new IndexBuilder(embedder, System.err, n);
            report = force ? builder.build(corpus, home.indexDir()) : builder.buildIfStale(corpus, home.indexDir());
        }
        long t0 = System.nanoTime();
        int docs;
        try (RetrievalIndex index = RetrievalIndex.open(home.indexDir())) {
            docs = index.documents();
        }
        long openMillis = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf(Locale.ROOT, "index %s: %s, %d documents (%d with vectors); embedding %.1f s, writing %.1f s,"
                        + " total %.1f s on %d threads; opens in %d ms%n",
                report.rebuilt() ? "built" : "up to date", home.indexDir(), docs, report.embedded(),
                report.embedMillis() / 1000.0, report.writeMillis() / 1000.0, report.totalMillis() / 1000.0, n, openMillis);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("indexDir", home.indexDir().toString());
            out.put("build", report);
            out.put("openMillis", openMillis);
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }
}
