package dev.aisle.engine.feedback;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A thumbs-up/down label to store.
 *
 * @param reasons tags such as "wrong-price", "not-grounded", "helpful" (lower case, digits, - and _)
 * @param taskId  the annotation task this label completes, if any
 */
public record NewRating(long responseId, String annotator, Thumb thumb, Set<String> reasons, String comment,
                        OptionalLong taskId) {

    public NewRating {
        reasons = Set.copyOf(reasons);
    }

    public NewRating(long responseId, String annotator, Thumb thumb, Set<String> reasons, String comment) {
        this(responseId, annotator, thumb, reasons, comment, OptionalLong.empty());
    }
}
