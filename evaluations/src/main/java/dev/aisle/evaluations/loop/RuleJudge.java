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
 * docs/metrics.md.
 */
public final class RuleJudge {

    /** Differences of the total below this are ties: the judge does not split hairs. */
    public static final double MARGIN = 0.05;

    private final Metric intentFit = AnswerMetrics.intentFit();
    private final Metric groundedness = AnswerMetrics.groundedness();
    private final Metric constraints = AnswerMetrics.constraintSatisfaction();
    private final Metric markup = AnswerMetrics.markupValidity();
    private final Metric madeUp = AnswerMetrics.hallucinatedProductRate();

    public JudgeScore score(Observation o) {
        return new JudgeScore(or(intentFit.score(o), 0), or(groundedness.score(o), 0), or(constraints.score(o), 0),
                or(markup.score(o), 1), or(madeUp.score(o), 0));
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
