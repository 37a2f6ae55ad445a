package dev.aisle.evaluations.system;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named configuration of the system under test. {@code settings} is everything that defines it
 * (retriever, model directory, sampling …) and is recorded in the results for reproducibility.
 */
public record Configuration(String name, Map<String, String> settings) {

    public Configuration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("configuration name must not be blank");
        }
        settings = Map.copyOf(new TreeMap<>(settings));
    }
}
