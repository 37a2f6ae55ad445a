package dev.aisle.datasets.imports;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusManifest;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Imports files of one public format and merges them into the corpus directory: records with an
 * id already present replace the old ones, reviews and questions whose product is in neither the
 * corpus nor the import are dropped and counted. The corpus is rewritten atomically, so a failed
 * or strict-mode-stopped import leaves the previous corpus exactly as it was.
 */
public final class CorpusImport {

    /**
     * What an import did.
     *
     * @param badLines         malformed lines skipped (0 in strict mode: the first one stops the import)
     * @param problems         the first few bad lines as {@code file:line: reason}
     * @param orphanReviews    reviews dropped because their product is unknown
     * @param orphanQuestions  questions dropped because their product is unknown
     * @param unknownJudged    judgments naming products that are not in the catalogue (kept)
     */
    public record Report(String format, List<String> files, long linesRead, long badLines, List<String> problems,
                         int products, int reviews, int questions, int judgedQueries,
                         int orphanReviews, int orphanQuestions, int unknownJudged, CorpusManifest manifest) {
    }

    private CorpusImport() {
    }

    public static Report run(Path corpusDir, ImportFormat format, List<Path> files, boolean strict) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to import");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new NoSuchFileException(f.toString(), null, "no such file to import");
            }
        }
        Problems problems = new Problems(strict);
        ImportBatch batch = new ImportBatch();
        Importer importer = format.newImporter();
        for (Path f : files) {
            importer.read(f, batch, problems);
        }

        Corpus base = CorpusStore.exists(corpusDir) ? CorpusStore.read(corpusDir) : null;
        CorpusManifest old = base == null ? null : CorpusStore.manifest(corpusDir);
        Map<String, Product> products = merge(base == null ? List.of() : base.products(), batch.products, Product::id);
        List<Review> reviews = new ArrayList<>();
        int orphanReviews = 0;
        for (Review r : merge(base == null ? List.of() : base.reviews(), batch.reviews, Review::id).values()) {
            if (products.containsKey(r.productId())) {
                reviews.add(r);
            } else {
                orphanReviews++;
            }
        }
        List<QaThread> questions = new ArrayList<>();
        int orphanQuestions = 0;
        for (QaThread q : merge(base == null ? List.of() : base.questions(), batch.questions, QaThread::id).values()) {
            if (products.containsKey(q.productId())) {
                questions.add(q);
            } else {
                orphanQuestions++;
            }
        }
        int unknownJudged = 0;
        for (JudgedQuery q : batch.judgedQueries) {
            for (Judgment j : q.judgments()) {
                if (!products.containsKey(j.productId())) {
                    unknownJudged++;
                }
            }
        }
        Map<String, JudgedQuery> judged = merge(base == null ? List.of() : base.judgedQueries(), batch.judgedQueries,
                JudgedQuery::id);

        Corpus merged = new Corpus(new ArrayList<>(products.values()), reviews, questions,
                base == null ? List.of() : base.guides(), new ArrayList<>(judged.values()),
                base == null ? List.of() : base.evalQuestions(), "");
        List<String> sources = new ArrayList<>(old == null ? List.of() : old.sources());
        for (Path f : files) {
            sources.add("import:" + format.cliName() + ":" + f.getFileName());
        }
        CorpusManifest manifest = CorpusStore.write(merged, corpusDir, old == null ? null : old.seed(), sources);
        return new Report(format.cliName(), files.stream().map(Path::toString).toList(), batch.linesRead,
                problems.count(), problems.messages(), batch.products.size(), batch.reviews.size() - orphanCount(batch.reviews, products),
                batch.questions.size() - orphanCount(batch.questions, products), batch.judgedQueries.size(),
                orphanReviews, orphanQuestions, unknownJudged, manifest);
    }

    private static <T> Map<String, T> merge(List<T> existing, List<T> incoming, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : existing) {
            out.put(id.apply(t), t);
        }
        for (T t : incoming) {
            out.put(id.apply(t), t);
        }
        return out;
    }

    private static int orphanCount(List<?> records, Map<String, Product> products) {
        int n = 0;
        for (Object r : records) {
            String productId = r instanceof Review review ? review.productId() : ((QaThread) r).productId();
            if (!products.containsKey(productId)) {
                n++;
            }
        }
        return n;
    }
}
