package dev.aisle.engine.serving.metrics;

/**
 * A moment in one request's life.
 *
 * @param requestId the caller's id
 * @param kind      what happened
 * @param nanos     {@link System#nanoTime()} when it happened
 * @param tokens    prompt tokens for QUEUED, cached prompt tokens for ADMITTED, chunk size for
 *                  PREFILL_CHUNK, the token index for FIRST_TOKEN/TOKEN, output tokens for FINISHED
 * @param detail    finish reason (FINISHED), rejection or error text; empty otherwise
 */
public record RequestEvent(String requestId, Kind kind, long nanos, int tokens, String detail) {

    public enum Kind {
        QUEUED, ADMITTED, PREFILL_CHUNK, FIRST_TOKEN, TOKEN, PREEMPTED, FINISHED
    }
}
