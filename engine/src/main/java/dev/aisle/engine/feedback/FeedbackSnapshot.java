package dev.aisle.engine.feedback;

/**
 * Which labels existed at a moment: everything up to these ids. Labels are append-only, so the
 * snapshot names exactly the data a model was trained on.
 */
public record FeedbackSnapshot(long lastRatingId, long lastPreferenceId) {

    /** "r120-p48": what a model's lineage records. */
    public String id() {
        return "r" + lastRatingId + "-p" + lastPreferenceId;
    }
}
