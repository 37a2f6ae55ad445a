package dev.aisle.datasets.imports;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file of a public format into a batch, reporting malformed lines to {@code problems}. */
public interface Importer {

    void read(Path file, ImportBatch batch, Problems problems) throws IOException;
}
