package dev.aisle.engine.feedback;

/** A request the feedback store refused or could not carry out; the message names what and why. */
public class FeedbackException extends RuntimeException {

    public FeedbackException(String message) {
        super(message);
    }

    public FeedbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
