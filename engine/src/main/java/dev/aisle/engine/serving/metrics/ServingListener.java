package dev.aisle.engine.serving.metrics;

import dev.aisle.engine.serving.scheduler.GenerationResult;

/**
 * Receives the scheduler's event stream: one event per iteration and the moments of each
 * request. Called on the scheduler thread: implementations must be quick and must not block
 * (the workbench copies into its own queue and renders on the FX thread).
 */
public interface ServingListener {

    default void onIteration(IterationEvent event) {
    }

    default void onRequest(RequestEvent event) {
    }

    /** Once per request, after its FINISHED event, with the full result. */
    default void onResult(GenerationResult result) {
    }
}
