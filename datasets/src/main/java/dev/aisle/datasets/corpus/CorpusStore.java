package dev.aisle.datasets.corpus;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes a corpus directory: one gzip JSONL file per record kind plus manifest.json.
 * Writing goes to a temporary sibling directory that replaces the target only when complete,
 * so a crash or a failed import never leaves a half-written corpus; reading checks the content
 * hash, so a damaged corpus is reported instead of silently used.
 */
public final class CorpusStore {

    public static final String MANIFEST = "manifest.json";

    private CorpusStore() {
    }

    /** True when {@code dir} holds a complete corpus (its manifest is present). */
    public static boolean exists(Path dir) {
        recoverInterruptedSwap(dir);
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    public static CorpusManifest manifest(Path dir) throws IOException {
        recoverInterruptedSwap(dir);
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no corpus at " + dir + " (" + MANIFEST + " missing); run: aisle corpus generate");
        }
        return CorpusJson.MAPPER.readValue(file.toFile(), CorpusManifest.class);
    }

    /**
     * Writes the corpus atomically and returns its manifest.
     *
     * @param seed    generator seed, or null for imported-only data
     * @param sources what the corpus was made from, recorded in the manifest
     */
    public static CorpusManifest write(Corpus corpus, Path dir, Long seed, List<String> sources) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        refuseToReplaceForeignDirectory(target);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".writing-");
        try {
            ContentHash hash = new ContentHash();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (CorpusFile file : CorpusFile.values()) {
                List<?> records = file.records(corpus);
                hash.beginFile(file);
                try (OutputStream out = new GZIPOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(tmp.resolve(file.fileName())), 1 << 16), 1 << 16)) {
                    for (Object record : records) {
                        byte[] line = CorpusJson.line(record);
                        hash.line(line);
                        out.write(line);
                    }
                }
                counts.put(file.countName(), records.size());
            }
            ContentHash.Hashes hashes = hash.hashes();
            String contentHash = hashes.content();
            if (corpus.contentHash() != null && !corpus.contentHash().isEmpty()
                    && !corpus.contentHash().equals(contentHash)) {
                throw new IllegalStateException("corpus says its hash is " + corpus.contentHash()
                        + " but its content hashes to " + contentHash);
            }
            CorpusManifest manifest = new CorpusManifest(CorpusManifest.FORMAT, seed, sources, counts, contentHash,
                    hashes.training());
            Files.write(tmp.resolve(MANIFEST), CorpusJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(manifest));
            swapIn(tmp, target);
            return manifest;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Never swap away a folder of the user's that is not a corpus (say, --out ~/Documents). */
    private static void refuseToReplaceForeignDirectory(Path target) throws IOException {
        if (!Files.isDirectory(target) || Files.isRegularFile(target.resolve(MANIFEST))) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("refusing to write a corpus over " + target
                        + ": it is not empty and holds no " + MANIFEST + "; choose an empty or new folder");
            }
        }
    }

    /** Reads a corpus and checks it against its manifest's content hash. */
    public static Corpus read(Path dir) throws IOException {
        CorpusManifest manifest = manifest(dir);
        ContentHash hash = new ContentHash();
        Map<CorpusFile, List<?>> parts = new LinkedHashMap<>();
        for (CorpusFile file : CorpusFile.values()) {
            parts.put(file, readFile(dir.resolve(file.fileName()), file, hash));
        }
        ContentHash.Hashes actual = hash.hashes();
        if (!actual.content().equals(manifest.contentHash())) {
            throw new IOException("corpus at " + dir + " is damaged: manifest says " + manifest.contentHash()
                    + " but the files hash to " + actual.content() + "; regenerate it with: aisle corpus generate");
        }
        if (manifest.trainingHash() != null && !actual.training().equals(manifest.trainingHash())) {
            throw new IOException("corpus at " + dir + " is damaged: manifest says trainingHash " + manifest.trainingHash()
                    + " but the training files hash to " + actual.training() + "; regenerate it with: aisle corpus generate");
        }
        return assemble(parts, actual);
    }

    /**
     * The corpus in {@code dir}, whatever seed or imports made it (it is the one the user chose);
     * when there is none, generates the default-size corpus from {@code seed} and writes it there.
     */
    public static Corpus loadOrGenerate(Path dir, long seed) throws IOException {
        return loadOrGenerate(dir, seed, CorpusGenerator.Options.defaults());
    }

    public static Corpus loadOrGenerate(Path dir, long seed, CorpusGenerator.Options options) throws IOException {
        if (exists(dir)) {
            return read(dir);
        }
        Corpus corpus = new CorpusGenerator(seed, options).generate();
        write(corpus, dir, seed, List.of("generated"));
        return corpus;
    }

    @SuppressWarnings("unchecked")
    private static Corpus assemble(Map<CorpusFile, List<?>> parts, ContentHash.Hashes hashes) {
        return new Corpus(
                (List<Product>) parts.get(CorpusFile.PRODUCTS),
                (List<Review>) parts.get(CorpusFile.REVIEWS),
                (List<QaThread>) parts.get(CorpusFile.QA),
                (List<BuyingGuide>) parts.get(CorpusFile.GUIDES),
                (List<JudgedQuery>) parts.get(CorpusFile.JUDGED_QUERIES),
                (List<EvalQuestion>) parts.get(CorpusFile.EVAL_QUESTIONS),
                hashes.content(), hashes.training());
    }

    private static List<?> readFile(Path path, CorpusFile file, ContentHash hash) throws IOException {
        List<Object> records = new ArrayList<>();
        hash.beginFile(file);
        if (!Files.exists(path)) {
            throw new IOException(path + " is missing from the corpus");
        }
        ObjectReader reader = CorpusJson.MAPPER.readerFor(file.type());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                hash.line((line + "\n").getBytes(StandardCharsets.UTF_8));
                try {
                    records.add(reader.readValue(line));
                } catch (IOException e) {
                    throw new IOException(path + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return records;
    }

    /** Replaces {@code target} with {@code fresh}; the old corpus survives under a backup name until then. */
    private static void swapIn(Path fresh, Path target) throws IOException {
        Path backup = null;
        if (Files.exists(target)) {
            backup = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            move(target, backup);
        }
        move(fresh, target);
        if (backup != null) {
            deleteTree(backup);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** A crash between the two renames of {@link #swapIn} leaves only the backup: put it back. */
    private static void recoverInterruptedSwap(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(target.resolve(MANIFEST)) || target.getParent() == null
                || !Files.isDirectory(target.getParent())) {
            return;
        }
        String prefix = "." + target.getFileName() + ".old-";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            Path backup = siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isRegularFile(p.resolve(MANIFEST)))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            if (backup != null) {
                if (Files.isDirectory(target)) {
                    deleteTree(target);
                }
                move(backup, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the corpus backup next to " + target, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
