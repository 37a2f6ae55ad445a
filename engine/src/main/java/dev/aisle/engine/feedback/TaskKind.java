package dev.aisle.engine.feedback;

/** What an annotation task asks for: a thumb on one response, or a preference between two. */
public enum TaskKind {
    RATING, PREFERENCE
}
