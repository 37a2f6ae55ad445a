package dev.aisle.engine.serving.scheduler;

import java.util.concurrent.CompletableFuture;

/**
 * The caller's side of a submitted request: the final result (always completes, never
 * exceptionally: errors are a finish reason) and a way to end it early.
 */
public final class RequestHandle {

    private final String requestId;
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private final Runnable onCancel;
    private volatile FinishReason earlyFinish;

    RequestHandle(String requestId, Runnable onCancel) {
        this.requestId = requestId;
        this.onCancel = onCancel;
    }

    public String requestId() {
        return requestId;
    }

    public CompletableFuture<GenerationResult> result() {
        return result;
    }

    /** Ends the request with {@code cancelled}; its KV blocks are freed before the next iteration. */
    public void cancel() {
        finishEarly(FinishReason.CANCELLED);
    }

    /** Ends the request with {@code stop}, e.g. when the caller's stop string matched. */
    public void stop() {
        finishEarly(FinishReason.STOP);
    }

    private void finishEarly(FinishReason reason) {
        if (earlyFinish == null && !result.isDone()) {
            earlyFinish = reason;
            onCancel.run();
        }
    }

    FinishReason earlyFinish() {
        return earlyFinish;
    }

    void complete(GenerationResult r) {
        result.complete(r);
    }
}
