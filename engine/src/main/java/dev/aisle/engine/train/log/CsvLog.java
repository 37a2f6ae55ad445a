package dev.aisle.engine.train.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file of numeric columns, one row per step, flushed on every row so that a killed run keeps
 * its curve. Opening an existing file with the same header appends (a resumed run continues the
 * curve); rows from steps at or after {@code resumeFrom} are dropped first so nothing repeats.
 */
public final class CsvLog implements AutoCloseable {

    private final List<String> columns;
    private final BufferedWriter out;

    public CsvLog(Path file, List<String> columns, long resumeFrom) throws IOException {
        if (columns.isEmpty() || !columns.get(0).equals("step")) {
            throw new IllegalArgumentException("the first column must be 'step', got " + columns);
        }
        this.columns = List.copyOf(columns);
        String header = String.join(",", columns);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (Files.exists(file) && resumeFrom > 0) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IOException(file + ": header is not '" + header + "', cannot continue this curve");
            }
            List<String> kept = new java.util.ArrayList<>();
            kept.add(header);
            for (String l : lines.subList(1, lines.size())) {
                int comma = l.indexOf(',');
                if (comma > 0 && Long.parseLong(l.substring(0, comma)) < resumeFrom) {
                    kept.add(l);
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } else {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(header);
            out.newLine();
            out.flush();
        }
    }

    public void row(double... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values " + columns + ", got " + values.length);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = values[i];
            sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v));
        }
        try {
            out.write(sb.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
