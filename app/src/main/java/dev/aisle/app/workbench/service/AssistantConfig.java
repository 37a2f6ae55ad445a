package dev.aisle.app.workbench.service;

/**
 * One configuration of the assistant as the workbench shows and switches it: which model and
 * backend answer, how they sample, and how much evidence retrieval gathers.
 */
public record AssistantConfig(String name, String model, String backend, double temperature, double topP,
                              int maxNewTokens, int retrievalTopK, String retrievalMode) {

    public AssistantConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("configuration name must not be blank");
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        if (retrievalTopK < 0) {
            throw new IllegalArgumentException("retrievalTopK must be >= 0, got " + retrievalTopK);
        }
    }

    /** A one-line summary for the status bar and the configuration chooser. */
    public String summary() {
        return "%s · %s · T=%.2f top-p=%.2f · %s k=%d".formatted(model, backend, temperature, topP, retrievalMode,
                retrievalTopK);
    }

    @Override
    public String toString() {
        return name;
    }
}
