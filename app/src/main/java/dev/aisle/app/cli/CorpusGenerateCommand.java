package dev.aisle.app.cli;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusJson;
import dev.aisle.datasets.corpus.CorpusManifest;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aisle corpus generate}: writes the seeded default corpus and reports counts, time and hash. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the shopping corpus deterministically (same seed, same bytes) and write it "
                + "atomically as gzip JSONL with manifest.json.")
public final class CorpusGenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed = CorpusGenerator.DEFAULT_SEED;

    @Option(names = "--out", paramLabel = "DIR", description = "corpus directory (default: AISLE_HOME/corpus)")
    Path out;

    @Option(names = "--products", paramLabel = "N",
            description = "number of products; below the default, everything else scales down too (default: 5400)")
    Integer products;

    @Option(names = "--json", description = "print one JSON object with the figures on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out.toAbsolutePath() : AisleHome.fromEnvironment().corpusDir();
        CorpusGenerator.Options options = products == null || products == CorpusGenerator.Options.defaults().products()
                ? CorpusGenerator.Options.defaults() : CorpusGenerator.Options.small(products);
        System.err.printf("corpus generate: seed %d, %,d products -> %s%n", seed, options.products(), dir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Corpus corpus = new CorpusGenerator(seed, options).generate();
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        CorpusManifest manifest = CorpusStore.write(corpus, dir, seed, List.of("generated"));
        long t2 = System.nanoTime();

        long categories = corpus.products().stream().map(Product::category).distinct().count();
        long departments = corpus.products().stream().map(Product::department).distinct().count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dir", dir.toString());
        figures.put("seed", seed);
        figures.put("counts", manifest.counts());
        figures.put("categories", categories);
        figures.put("departments", departments);
        figures.put("generate_s", round((t1 - t0) / 1e9));
        figures.put("generate_cpu_s", round((cpu1 - cpu0) / 1e9));
        figures.put("write_s", round((t2 - t1) / 1e9));
        figures.put("contentHash", manifest.contentHash());
        figures.put("trainingHash", manifest.trainingHash());
        if (json) {
            System.out.println(CorpusJson.MAPPER.writeValueAsString(figures));
        } else {
            Map<String, Integer> c = manifest.counts();
            System.out.printf("corpus: %,d products in %d categories and %d departments, %,d reviews, %,d Q&A threads, "
                            + "%,d guides, %,d judged queries, %,d eval questions%n",
                    c.get("products"), categories, departments, c.get("reviews"), c.get("qa"), c.get("guides"),
                    c.get("judged_queries"), c.get("eval_questions"));
            System.out.printf("generated in %.1f s (%.1f s CPU), written in %.1f s%n",
                    (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t2 - t1) / 1e9);
            System.out.printf("contentHash %s%ntrainingHash %s (all but the judged queries)%n-> %s%n",
                    manifest.contentHash(), manifest.trainingHash(), dir);
        }
        return 0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
