package dev.aisle.evaluations.loop;

import dev.aisle.engine.feedback.Verdict;
import dev.aisle.evaluations.metric.AnswerMetrics;
import dev.aisle.evaluations.metric.Metric;
import dev.aisle.evaluations.metric.Observation;

import java.util.OptionalDouble;

/**
 * A judge that knows the generated corpus' ground truth: it prefers the answer whose prices,
 * ratings and attributes are right (groundedness against the catalogue), whose products fit the
 * question's constraints, whose shape fits the intent and whose markup is valid. It reads the
 * same metric definitions as {@code ./aisle eval}, so what it rewards is documented in
 * docs/metrics.md. The same judge scores every answer, blind to the model that wrote it.
 */
public final class RuleJudge {

    /** Differences of the total below this are ties: the judge does not split hairs. */
    public static final double MARGIN = 0.05;

    /** Which ground-truth checks make up the judge's score. */
    public enum Rules {
        /**
         * The issue's judge (sessions 2–4): intent fit + groundedness + constraint satisfaction + markup validity −
         * made-up product rate.
         */
        ISSUE,
        /**
         * The issue's judge plus {@code price_rating_binding}: a price or rating stated in a sentence that names one
         * product counts as correct only when it is that product's own catalogue value. Groundedness accepts any
         * in-scope product's value, so under the served decoding (where every stated value is some evidence value)
         * it ties answers that put prices on the wrong product with answers that put them on the right one.
         */
        BOUND_PRICES
    }

    private final Rules rules;
    private final Metric intentFit = AnswerMetrics.intentFit();
    private final Metric groundedness = AnswerMetrics.groundedness();
    private final Metric constraints = AnswerMetrics.constraintSatisfaction();
    private final Metric markup = AnswerMetrics.markupValidity();
    private final Metric madeUp = AnswerMetrics.hallucinatedProductRate();
    private final Metric binding = AnswerMetrics.priceRatingBinding();

    /** The issue's judge. */
    public RuleJudge() {
        this(Rules.ISSUE);
    }

    public RuleJudge(Rules rules) {
        if (rules == null) {
            throw new IllegalArgumentException("judge rules must be given (ISSUE or BOUND_PRICES)");
        }
        this.rules = rules;
    }

    public Rules rules() {
        return rules;
    }

    public JudgeScore score(Observation o) {
        return new JudgeScore(or(intentFit.score(o), 0), or(groundedness.score(o), 0), or(constraints.score(o), 0),
                or(markup.score(o), 1), or(madeUp.score(o), 0),
                rules == Rules.BOUND_PRICES ? or(binding.score(o), 0) : 0);
    }

    /** A, B or TIE for two answers to the same question. */
    public Verdict compare(JudgeScore a, JudgeScore b) {
        double d = a.total() - b.total();
        if (Math.abs(d) < MARGIN) {
            return Verdict.TIE;
        }
        return d > 0 ? Verdict.A : Verdict.B;
    }

    private static double or(OptionalDouble v, double undefined) {
        return v.isPresent() ? v.getAsDouble() : undefined;
    }
}
