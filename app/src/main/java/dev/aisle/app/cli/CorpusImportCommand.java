package dev.aisle.app.cli;

import dev.aisle.datasets.corpus.CorpusJson;
import dev.aisle.datasets.imports.BadLineException;
import dev.aisle.datasets.imports.CorpusImport;
import dev.aisle.datasets.imports.ImportFormat;
import dev.aisle.engine.home.AisleHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aisle corpus import FORMAT FILE…}: merges public-format files into the corpus, atomically. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import public shopping data into the corpus. FORMAT is one of: amazon-reviews (Amazon Reviews "
                + "2023 item metadata and review JSONL), amazon-qa (Amazon product Q&A JSONL), esci (query, product_id, "
                + "esci_label as CSV or JSONL), dummyjson (dummyjson-style product JSON). Files may be gzipped. "
                + "Malformed lines are skipped and counted (file:line: reason), or with --strict stop the import; "
                + "the corpus is only replaced when the whole import succeeds.")
public final class CorpusImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FORMAT", description = "amazon-reviews | amazon-qa | esci | dummyjson")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "files to import")
    List<Path> files;

    @Option(names = "--strict", description = "stop at the first malformed line instead of skipping it")
    boolean strict;

    @Option(names = "--out", paramLabel = "DIR", description = "corpus directory to merge into (default: AISLE_HOME/corpus)")
    Path out;

    @Option(names = "--json", description = "print the import report as one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImportFormat fmt;
        try {
            fmt = ImportFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            System.err.println("aisle corpus import: " + e.getMessage());
            return 2;
        }
        Path dir = out != null ? out.toAbsolutePath() : AisleHome.fromEnvironment().corpusDir();
        long t0 = System.nanoTime();
        CorpusImport.Report report;
        try {
            report = CorpusImport.run(dir, fmt, files, strict);
        } catch (BadLineException e) {
            System.err.println("aisle corpus import: " + e.getMessage());
            System.err.println("aisle corpus import: stopped (--strict); the corpus at " + dir + " is unchanged");
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("aisle corpus import: no such file: " + e.getFile());
            return 2;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (String problem : report.problems()) {
            System.err.println("skipped " + problem);
        }
        if (report.badLines() > report.problems().size()) {
            System.err.printf("... and %,d more bad lines%n", report.badLines() - report.problems().size());
        }
        if (json) {
            System.out.println(CorpusJson.MAPPER.writeValueAsString(report));
            return 0;
        }
        System.out.printf("imported %s: %,d products, %,d reviews, %,d Q&A threads, %,d judged queries from %,d records"
                        + " in %.1f s%n", report.format(), report.products(), report.reviews(), report.questions(),
                report.judgedQueries(), report.linesRead(), seconds);
        System.out.printf("skipped %,d malformed lines; dropped %,d reviews and %,d questions about unknown products; "
                        + "%,d judgments name products not in the catalogue%n", report.badLines(), report.orphanReviews(),
                report.orphanQuestions(), report.unknownJudged());
        System.out.printf("corpus now: %s%ncontentHash %s%n-> %s%n", report.manifest().counts(),
                report.manifest().contentHash(), dir);
        return 0;
    }
}
