package dev.aisle.evaluations.suite;

/** An earlier turn of the conversation, for follow-up questions. */
public record Turn(String question, String answer) {

    public Turn {
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
    }
}
