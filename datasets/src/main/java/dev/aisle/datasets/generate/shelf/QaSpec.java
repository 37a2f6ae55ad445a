package dev.aisle.datasets.generate.shelf;

import java.util.List;
import java.util.function.Function;

/**
 * A use question shoppers ask about a category ("Can I wear these on pavement?"), with the answer
 * template chosen from the product's facts; a null answer means the facts give no good answer.
 */
public record QaSpec(List<String> questions, Function<Facts, String> answer) {

    public QaSpec {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a Q&A spec needs at least one question");
        }
        questions = List.copyOf(questions);
    }
}
