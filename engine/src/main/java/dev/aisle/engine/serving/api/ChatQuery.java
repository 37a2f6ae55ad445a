package dev.aisle.engine.serving.api;

import java.util.List;
import java.util.Optional;

/**
 * What a chat-completions request asks of the answer engine.
 *
 * @param seed absent: a fresh random stream per request
 * @param stop strings that end the answer when they appear in its text (not included)
 */
public record ChatQuery(List<ChatMessage> messages, int maxTokens, double temperature, double topP,
                        Optional<Long> seed, List<String> stop) {

    public ChatQuery {
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
    }
}
