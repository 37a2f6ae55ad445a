package dev.aisle.engine.assistant;

import dev.aisle.engine.trace.AnswerTrace;

import java.util.concurrent.CompletableFuture;

/**
 * An answer being produced. {@code done} completes with the finished trace (it never completes
 * exceptionally: failures are finish reasons in the trace) once the text has ended and every
 * element has been hydrated.
 */
public record AnswerHandle(AnswerTrace trace, CompletableFuture<AnswerTrace> done, Runnable cancel) {
}
