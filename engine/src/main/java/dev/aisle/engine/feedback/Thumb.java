package dev.aisle.engine.feedback;

/** An annotator's verdict on one response. */
public enum Thumb {
    UP(1), DOWN(-1);

    private final int score;

    Thumb(int score) {
        this.score = score;
    }

    /** +1 or -1, as stored. */
    public int score() {
        return score;
    }

    public static Thumb ofScore(int score) {
        return switch (score) {
            case 1 -> UP;
            case -1 -> DOWN;
            default -> throw new FeedbackException("a thumb is +1 or -1, got " + score);
        };
    }
}
