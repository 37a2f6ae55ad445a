package dev.aisle.datasets.corpus;

import java.util.List;
import java.util.Map;

/**
 * manifest.json of a corpus directory. It is written last, so a directory without it is not a
 * corpus. No timestamps: the same seed must give the same bytes.
 *
 * @param seed         generator seed, or null when the corpus holds only imported data
 * @param sources      what went in: "generated", "import:amazon-reviews:items.jsonl", …
 * @param contentHash  hash of every file ({@link ContentHash}); checked on read
 * @param trainingHash hash of the files training and the index read (all but the judged queries);
 *                     null in manifests written before session 4 (the reader then computes it)
 */
public record CorpusManifest(int format, Long seed, List<String> sources, Map<String, Integer> counts,
                             String contentHash, String trainingHash) {

    public static final int FORMAT = 1;

    public CorpusManifest {
        sources = List.copyOf(sources);
        // Insertion order kept (Map.copyOf's order changes from one JVM run to the next).
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
