package dev.aisle.engine.model;

import java.nio.file.Path;

/**
 * A model directory (or one of its files) cannot be used. The message always names the file and
 * the problem, so that a user who dropped in the wrong checkpoint knows what to fix.
 */
public class ModelLoadException extends RuntimeException {

    private final Path file;

    public ModelLoadException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ModelLoadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or directory) that is at fault. */
    public Path file() {
        return file;
    }
}
