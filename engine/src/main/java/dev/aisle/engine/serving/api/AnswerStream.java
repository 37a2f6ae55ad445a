package dev.aisle.engine.serving.api;

import java.util.concurrent.CompletableFuture;

/** A running answer: its final result and a way to abandon it (client went away). */
public record AnswerStream(CompletableFuture<AnswerResult> result, Runnable cancel) {
}
