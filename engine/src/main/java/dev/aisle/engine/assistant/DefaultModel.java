package dev.aisle.engine.assistant;

import dev.aisle.engine.model.ModelDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The model that ships in the {@code aisle-resources} jar. DJL and the tokenizer library read
 * files, so it is copied once into {@code AISLE_HOME/models/default} and refreshed when the
 * shipped weights change (their size and lineage are compared, not trusted by name).
 */
public final class DefaultModel {

    /** Where the resources module keeps the model on the classpath. */
    public static final String RESOURCE_DIR = "/dev/aisle/resources/model/";

    private static final List<String> FILES = List.of(ModelDirectory.CONFIG, ModelDirectory.WEIGHTS,
            ModelDirectory.TOKENIZER, ModelDirectory.GENERATION, ModelDirectory.LINEAGE);

    private DefaultModel() {
    }

    public static boolean shipped() {
        return DefaultModel.class.getResource(RESOURCE_DIR + ModelDirectory.WEIGHTS) != null;
    }

    /** Copies the shipped model under {@code modelsDir} when missing or stale; empty when none ships. */
    public static Optional<Path> materialize(Path modelsDir) {
        if (!shipped()) {
            return Optional.empty();
        }
        Path target = modelsDir.resolve("default");
        try {
            if (!upToDate(target)) {
                Path tmp = Files.createTempDirectory(modelsDir, "default-");
                for (String name : FILES) {
                    try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
                        if (in != null) {
                            Files.copy(in, tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                deleteTree(target);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the default model into " + target, e);
        }
    }

    private static boolean upToDate(Path target) throws IOException {
        for (String name : FILES) {
            var url = DefaultModel.class.getResource(RESOURCE_DIR + name);
            Path copy = target.resolve(name);
            if (url == null) {
                continue;
            }
            if (!Files.exists(copy)) {
                return false;
            }
            if (name.equals(ModelDirectory.WEIGHTS)) {
                // The lineage file changes with every training run; the size is a cheap extra check.
                if (url.openConnection().getContentLengthLong() != Files.size(copy)) {
                    return false;
                }
                continue;
            }
            try (InputStream in = url.openStream()) {
                if (!java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(copy))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
