package dev.aisle.engine.generate;

/** Why an answer ended. Names follow the OpenAI API where one exists ("stop", "length"). */
public enum FinishReason {
    /** An end-of-answer token or a stop string. */
    STOP,
    /** max new tokens or the model context reached. */
    LENGTH,
    CANCELLED,
    DEADLINE,
    REJECTED,
    ERROR;

    /** The lower-case name used in JSON and the API. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
