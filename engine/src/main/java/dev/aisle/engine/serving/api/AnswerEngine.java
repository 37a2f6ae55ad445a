package dev.aisle.engine.serving.api;

import java.util.function.Consumer;

/**
 * Turns a chat into an answer for the HTTP API. The default renders the chat with the prompt
 * layout and generates on the scheduler ({@link LayoutAnswerEngine}); the assistant pipeline can
 * plug in here to add retrieval, evidence packing and markup without the API changing.
 */
public interface AnswerEngine {

    /** The id shown by {@code /v1/models} and echoed in responses. */
    String modelId();

    /**
     * Starts answering. {@code textDeltas} receives the answer's text piece by piece, possibly on
     * an engine thread: it must not block. The result future always completes (rejection and
     * failure are finish reasons); a request refused for backpressure completes at once with
     * {@code rejected}.
     */
    AnswerStream answer(ChatQuery query, Consumer<String> textDeltas);
}
