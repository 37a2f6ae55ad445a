package dev.aisle.engine.serving.scheduler;

/**
 * Receives each generated token as soon as it is sampled. Called on the scheduler thread between
 * iterations: keep it short (hand work to another thread) or every running request waits.
 */
@FunctionalInterface
public interface TokenListener {

    TokenListener NONE = (id, index, nanos) -> { };

    /**
     * @param tokenId the sampled token
     * @param index   0 for the first output token
     * @param nanos   {@link System#nanoTime()} when it was sampled
     */
    void onToken(int tokenId, int index, long nanos);
}
