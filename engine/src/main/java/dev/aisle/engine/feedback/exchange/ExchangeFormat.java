package dev.aisle.engine.feedback.exchange;

import dev.aisle.engine.feedback.FeedbackException;

import java.util.Locale;

/** The two JSONL layouts. */
public enum ExchangeFormat {
    /** {@code {"prompt","chosen","rejected"}}: TRL DPOTrainer's standard (non-conversational) layout. */
    DPO,
    /** {@code {"prompt","completion","label"}}: TRL KTOTrainer's unpaired layout, label true for desirable. */
    KTO;

    public static ExchangeFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FeedbackException("format must be dpo or kto, got '" + s + "'");
        }
    }
}
