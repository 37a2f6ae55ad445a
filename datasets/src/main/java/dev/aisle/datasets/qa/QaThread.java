package dev.aisle.datasets.qa;

import java.util.List;

/** A community question about one product and its answers (possibly none). Untrusted text. */
public record QaThread(String id, String productId, String question, String author, List<Answer> answers) {

    public QaThread {
        answers = List.copyOf(answers);
    }

    public boolean answered() {
        return !answers.isEmpty();
    }
}
