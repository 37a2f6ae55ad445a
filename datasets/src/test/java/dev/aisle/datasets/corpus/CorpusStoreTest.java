package dev.aisle.datasets.corpus;

import dev.aisle.datasets.generate.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusStoreTest {

    private static Corpus corpus;

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(3, CorpusGenerator.Options.small(120)).generate();
    }

    @Test
    void writesAndReadsBackTheSameCorpus(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusManifest manifest = CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        assertEquals(corpus.contentHash(), manifest.contentHash());
        assertEquals(120, manifest.counts().get("products"));
        for (CorpusFile f : CorpusFile.values()) {
            assertTrue(Files.isRegularFile(dir.resolve(f.fileName())), f.fileName());
        }
        Corpus back = CorpusStore.read(dir);
        assertEquals(corpus, back);
    }

    @Test
    void theManifestRecordsTheTrainingHashAndAnOlderManifestWithoutItStillReads(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusManifest manifest = CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        assertEquals(corpus.trainingHash(), manifest.trainingHash());
        assertTrue(manifest.trainingHash().startsWith("sha256:") && !manifest.trainingHash().equals(manifest.contentHash()),
                manifest.toString());
        String json = Files.readString(dir.resolve(CorpusStore.MANIFEST));
        assertTrue(json.contains("\"trainingHash\""), json);
        // A manifest written before session 4 has no training hash: reading computes it from the files.
        Files.writeString(dir.resolve(CorpusStore.MANIFEST), json.replaceAll(",\\s*\"trainingHash\"\\s*:\\s*\"[^\"]*\"", ""));
        assertTrue(CorpusStore.manifest(dir).trainingHash() == null);
        assertEquals(corpus.trainingHash(), CorpusStore.read(dir).trainingHash());
        // A training hash that does not match the files is damage, reported.
        Files.writeString(dir.resolve(CorpusStore.MANIFEST), json.replace(manifest.trainingHash(), "sha256:00"));
        IOException e = assertThrows(IOException.class, () -> CorpusStore.read(dir));
        assertTrue(e.getMessage().contains("trainingHash sha256:00"), e.getMessage());
    }

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path tmp) throws IOException {
        Corpus again = new CorpusGenerator(3, CorpusGenerator.Options.small(120)).generate();
        CorpusStore.write(corpus, tmp.resolve("a"), 3L, List.of("generated"));
        CorpusStore.write(again, tmp.resolve("b"), 3L, List.of("generated"));
        for (String name : List.of("products.jsonl.gz", "reviews.jsonl.gz", "qa.jsonl.gz", CorpusStore.MANIFEST)) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(name)),
                    Files.readAllBytes(tmp.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void aDamagedFileIsReportedNotUsed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("guides.jsonl.gz")))) {
            out.write("{\"id\":\"forged\",\"title\":\"x\",\"categoryPath\":[],\"paragraphs\":[]}\n".getBytes(StandardCharsets.UTF_8));
        }
        IOException e = assertThrows(IOException.class, () -> CorpusStore.read(dir));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldCorpusAndNoLitter(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        Corpus lying = new Corpus(corpus.products(), List.of(), corpus.questions(), corpus.guides(),
                corpus.judgedQueries(), corpus.evalQuestions(), corpus.contentHash());
        assertThrows(IllegalStateException.class, () -> CorpusStore.write(lying, dir, 3L, List.of("generated")));
        assertEquals(corpus, CorpusStore.read(dir));
        try (Stream<Path> entries = Files.list(tmp)) {
            assertEquals(List.of(dir), entries.toList(), "no temporary directories left behind");
        }
    }

    @Test
    void replacingACorpusSwapsItWhole(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        Corpus other = new CorpusGenerator(4, CorpusGenerator.Options.small(50)).generate();
        CorpusStore.write(other, dir, 4L, List.of("generated"));
        assertEquals(other.contentHash(), CorpusStore.read(dir).contentHash());
        assertEquals(4L, CorpusStore.manifest(dir).seed());
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotACorpus(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("documents");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("thesis.txt"), "precious");
        IOException e = assertThrows(IOException.class, () -> CorpusStore.write(corpus, dir, 3L, List.of("generated")));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("thesis.txt")));
    }

    @Test
    void anEmptyFolderIsNotACorpusAndMissingOneIsExplained(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("empty");
        Files.createDirectories(dir);
        assertFalse(CorpusStore.exists(dir));
        IOException e = assertThrows(IOException.class, () -> CorpusStore.read(dir));
        assertTrue(e.getMessage().contains("aisle corpus generate"), e.getMessage());
    }

    @Test
    void loadOrGenerateWritesOnceThenLoadsWhateverIsThere(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusGenerator.Options small = CorpusGenerator.Options.small(60);
        Corpus first = CorpusStore.loadOrGenerate(dir, 11, small);
        assertTrue(CorpusStore.exists(dir));
        Corpus second = CorpusStore.loadOrGenerate(dir, 11, small);
        assertEquals(first, second);
        // An existing corpus is the user's choice (another seed, imports): it is loaded, never replaced.
        Corpus other = CorpusStore.loadOrGenerate(dir, 12, small);
        assertEquals(first.contentHash(), other.contentHash());
        assertEquals(11L, CorpusStore.manifest(dir).seed());
    }

    @Test
    void anInterruptedSwapIsRecovered(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusStore.write(corpus, dir, 3L, List.of("generated"));
        // What a crash between the two renames leaves: only the backup of the old corpus.
        Files.move(dir, tmp.resolve(".corpus.old-1"));
        assertTrue(CorpusStore.exists(dir));
        assertEquals(corpus, CorpusStore.read(dir));
    }
}
