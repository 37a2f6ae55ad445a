package dev.aisle.engine.feedback;

import java.util.regex.Pattern;

/** Validation of what annotators and callers send, with messages that name the field and the value. */
final class Checks {

    static final int MAX_COMMENT = 4000;
    static final int MAX_ANNOTATOR = 100;
    static final int MAX_TEXT = 2_000_000;
    private static final Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private Checks() {
    }

    /**
     * Text stored verbatim (quotes, semicolons and SQL are just characters), but not text that one
     * of the two databases cannot hold: NUL, unpaired surrogates, or more than {@code max} characters.
     */
    static String text(String field, String value, int max) {
        if (value == null) {
            throw new FeedbackException(field + " must not be null");
        }
        if (value.length() > max) {
            throw new FeedbackException(field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == 0) {
                throw new FeedbackException(field + " contains a NUL character at offset " + k);
            }
            if (Character.isHighSurrogate(c)) {
                if (k + 1 < value.length() && Character.isLowSurrogate(value.charAt(k + 1))) {
                    k++;
                    continue;
                }
                throw new FeedbackException(field + " contains an unpaired surrogate at offset " + k);
            }
            if (Character.isLowSurrogate(c)) {
                throw new FeedbackException(field + " contains an unpaired surrogate at offset " + k);
            }
        }
        return value;
    }

    static String name(String field, String value, int max) {
        text(field, value, max);
        if (value.isBlank()) {
            throw new FeedbackException(field + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new FeedbackException(field + " must not contain control characters: '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return value;
    }

    static String annotator(String value) {
        return name("annotator", value, MAX_ANNOTATOR);
    }

    static String reason(String value) {
        if (value == null || !REASON.matcher(value).matches()) {
            throw new FeedbackException("reason tag must be 1-40 of a-z, 0-9, '-' and '_', starting with a letter or digit; got '"
                    + value + "'");
        }
        return value;
    }

    static void positiveId(String field, long id) {
        if (id <= 0) {
            throw new FeedbackException(field + " must be a positive id, got " + id);
        }
    }
}
