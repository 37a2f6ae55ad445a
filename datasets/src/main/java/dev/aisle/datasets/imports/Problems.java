package dev.aisle.datasets.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects malformed lines. In strict mode the first one stops the import; otherwise lines are
 * skipped and counted, and the first few messages are kept for the report.
 */
public final class Problems {

    static final int KEPT = 20;

    private final boolean strict;
    private final List<String> messages = new ArrayList<>();
    private long count;

    public Problems(boolean strict) {
        this.strict = strict;
    }

    /** Records a bad line; throws in strict mode. */
    public void report(Path file, long line, String reason) throws BadLineException {
        BadLineException e = new BadLineException(file, line, reason);
        if (strict) {
            throw e;
        }
        count++;
        if (messages.size() < KEPT) {
            messages.add(e.getMessage());
        }
    }

    public long count() {
        return count;
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }
}
