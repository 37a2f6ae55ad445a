package dev.aisle.engine.serving.api;

/** One message of an OpenAI-style chat: role "system", "user" or "assistant". */
public record ChatMessage(String role, String content) {
}
