package dev.aisle.engine.serving.scheduler;

/**
 * Limits of one scheduler.
 *
 * @param maxRunning       sequences in the batch at most
 * @param maxBatchedTokens tokens (prefill chunks plus decode tokens) in one iteration at most
 * @param maxWaiting       requests queued for admission at most; beyond it, rejected at once
 * @param endTokenId       the token that ends an answer ({@code <|end|>})
 */
public record SchedulerConfig(int maxRunning, int maxBatchedTokens, int maxWaiting, int endTokenId) {

    public SchedulerConfig {
        if (maxRunning <= 0) {
            throw new IllegalArgumentException("maxRunning must be > 0, got " + maxRunning);
        }
        if (maxBatchedTokens <= 0) {
            throw new IllegalArgumentException("maxBatchedTokens must be > 0, got " + maxBatchedTokens);
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must be >= 0, got " + maxWaiting);
        }
    }

    public static SchedulerConfig defaults(int endTokenId) {
        return new SchedulerConfig(32, 512, 1024, endTokenId);
    }

    public SchedulerConfig withMaxRunning(int n) {
        return new SchedulerConfig(n, maxBatchedTokens, maxWaiting, endTokenId);
    }

    public SchedulerConfig withMaxBatchedTokens(int n) {
        return new SchedulerConfig(maxRunning, n, maxWaiting, endTokenId);
    }

    public SchedulerConfig withMaxWaiting(int n) {
        return new SchedulerConfig(maxRunning, maxBatchedTokens, n, endTokenId);
    }
}
