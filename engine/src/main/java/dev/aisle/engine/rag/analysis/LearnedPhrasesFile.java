package dev.aisle.engine.rag.analysis;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LearnedLexicon} learned from a corpus's TRAIN queries, kept in a file so that a warm start
 * reads it instead of learning it again (seconds of both cores while the model and the index load). The
 * file is valid for one corpus (its full content hash: the judged queries are what is learned from) and
 * one build of the learners (they use the question analysis, so any code change may change the result);
 * anything else, or a damaged file, is learned again and rewritten, never an error.
 *
 * @param corpusHash the corpus's content hash
 * @param build      the learners' build, see {@link #currentBuild()}
 * @param categorySupport how many training queries each learned category phrase was seen in
 */
public record LearnedPhrasesFile(String corpusHash, String build, Map<String, String> categories,
                                 Map<String, Integer> categorySupport, Map<String, WishPhrases.Meaning> wishes) {

    public LearnedPhrasesFile {
        // A file written before the support was kept has none: its phrases all count as guesses.
        categorySupport = categorySupport == null ? Map.of() : Map.copyOf(categorySupport);
    }

    /** Record components only: helpers such as {@code AttributeWish.isText()} are not data. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The stored phrases if the file is for this corpus and this build. */
    public static Optional<LearnedPhrasesFile> read(Path file, String corpusHash, PrintStream log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LearnedPhrasesFile f = JSON.readValue(file.toFile(), LearnedPhrasesFile.class);
            return f.corpusHash().equals(corpusHash) && f.build().equals(currentBuild()) ? Optional.of(f) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.println("learned phrases: " + file + " is unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); learning them again");
            return Optional.empty();
        }
    }

    /** Writes through a temporary file, so a reader never sees half a file. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The build of the classes that learn: the size and time of the jar they were loaded from, or of the
     * learner's class file when they run from a classes directory (development).
     */
    static String currentBuild() {
        try {
            Path code = Path.of(WishPhraseLearner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                code = code.resolve(WishPhraseLearner.class.getName().replace('.', '/') + ".class");
            }
            return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
    }
}
