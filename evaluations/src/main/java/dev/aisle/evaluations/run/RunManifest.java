package dev.aisle.evaluations.run;

import dev.aisle.evaluations.system.Configuration;

import java.util.List;
import java.util.Map;

/**
 * What makes a run reproducible: the suite, its source and the SHA-256 of its items as JSONL, the seed of every random choice
 * (bootstrap), the corpus hash, each configuration with its settings and lineage (model
 * directory's aisle.json, index hash …), and the software it ran on.
 */
public record RunManifest(String suite, String suiteSource, String suiteHash, int items, long seed, int bootstrapResamples,
                          String corpusHash, List<Configuration> configurations,
                          Map<String, Map<String, String>> lineage, String startedAt, String aisleVersion,
                          String javaVersion, int processors) {

    public RunManifest {
        configurations = List.copyOf(configurations);
        lineage = Map.copyOf(lineage);
    }
}
