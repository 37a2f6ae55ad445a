package dev.aisle.engine.serving.api;

import dev.aisle.engine.serving.scheduler.FinishReason;

/** The whole answer, as the non-streaming response and the final usage report need it. */
public record AnswerResult(String text, FinishReason finishReason, String detail, int promptTokens,
                           int completionTokens) {
}
