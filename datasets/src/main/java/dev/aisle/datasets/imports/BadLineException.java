package dev.aisle.datasets.imports;

import java.io.IOException;
import java.nio.file.Path;

/** A malformed input line, reported as {@code file:line: reason}. */
public final class BadLineException extends IOException {

    private final Path file;
    private final long line;
    private final String reason;

    public BadLineException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
