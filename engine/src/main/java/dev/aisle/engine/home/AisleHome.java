package dev.aisle.engine.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Aisle keeps its state: corpus, index, feedback store, models and caches.
 * {@code AISLE_HOME} overrides the default {@code ~/.aisle}.
 */
public record AisleHome(Path root) {

    public static AisleHome fromEnvironment() {
        String env = System.getenv("AISLE_HOME");
        Path root = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".aisle");
        return new AisleHome(root.toAbsolutePath());
    }

    public Path corpusDir() {
        return dir("corpus");
    }

    public Path indexDir() {
        return dir("index");
    }

    /** What the question analysis learned from the corpus's TRAIN queries, kept between starts. */
    public Path lexiconFile() {
        return dir("lexicon").resolve("learned-phrases.json");
    }

    public Path modelsDir() {
        return dir("models");
    }

    public Path feedbackDb() {
        return dir("feedback").resolve("aisle");
    }

    public Path pluginsDir() {
        return dir("plugins");
    }

    public Path runsDir() {
        return dir("runs");
    }

    private Path dir(String name) {
        Path p = root.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p + " (set AISLE_HOME to a writable folder)", e);
        }
        return p;
    }
}
