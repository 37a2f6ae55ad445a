package dev.aisle.engine.feedback;

/**
 * An answer to store, as it was shown.
 *
 * @param configJson the full configuration that produced it (model, retrieval, decoding), as JSON
 * @param traceJson  its AnswerTrace as JSON
 * @param prompt     the exact prompt the model was given (the chat layout), what preference export trains on
 * @param text       the answer as the model wrote it, markup included
 */
public record NewResponse(long turnId, String modelName, String modelVersion, String configJson,
                          String traceJson, String prompt, String text) {
}
