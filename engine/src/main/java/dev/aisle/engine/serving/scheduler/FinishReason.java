package dev.aisle.engine.serving.scheduler;

import java.util.Locale;

/** Why a request ended. Every request ends with exactly one. */
public enum FinishReason {
    /** The model produced a stop token (or the caller's stop sequence matched). */
    STOP,
    /** max tokens or the context limit was reached. */
    LENGTH,
    CANCELLED,
    DEADLINE,
    /** Never admitted: queue full or the request can never fit. */
    REJECTED,
    ERROR;

    /** The lower-case name used in JSON and the OpenAI API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
