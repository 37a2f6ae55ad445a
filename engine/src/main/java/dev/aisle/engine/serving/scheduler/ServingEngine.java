package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.metrics.ServingListener;

/**
 * Accepts generation requests and streams their tokens. Implemented by the iteration-level
 * schedulers on a paged backend ({@link ContinuousScheduler}, {@link StaticBatchScheduler}) and by
 * request-level engines such as the remote OpenAI-compatible client.
 *
 * <p>Either call {@link #start()} once to run the engine on its own thread, or drive it from one
 * thread with {@link #step()} (tests and the deterministic benchmark driver do).
 */
public interface ServingEngine extends AutoCloseable {

    /** "continuous", "static", "sequential", "remote". */
    String name();

    /**
     * Queues a request. Never blocks: when the queue is full the returned handle's result is
     * already complete with {@link FinishReason#REJECTED} and a reason.
     */
    RequestHandle submit(GenerationRequest request, TokenListener listener);

    default RequestHandle submit(GenerationRequest request) {
        return submit(request, TokenListener.NONE);
    }

    void addListener(ServingListener listener);

    void removeListener(ServingListener listener);

    /** Runs iterations on a thread of the engine's own until {@link #close()}. */
    void start();

    /** Runs one iteration on the caller's thread; false when there was nothing to do. */
    boolean step();

    /** Steps until no request is left. */
    default void runUntilIdle() {
        while (step()) {
            // each step makes progress or finishes requests
        }
    }

    /** Requests queued or running. */
    int pending();

    /** Stops the thread, ends what is left with {@code cancelled}. Does not close the backend. */
    @Override
    void close();
}
