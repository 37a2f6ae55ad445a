package dev.aisle.evaluations.loop;

import dev.aisle.engine.feedback.Verdict;
import dev.aisle.evaluations.stats.Interval;

import java.util.Map;

/**
 * The figures of a closed-loop run.
 *
 * @param pairs            training pairs the judge decided (ties are not trained on)
 * @param pairsTooLong     of those, the pairs DPO left out for being longer than its length limit
 * @param ties             training questions whose two answers the judge tied
 * @param preference       judge's preference for the new model on held-out questions, ties counting ½, with a
 *                         bootstrap 95% interval
 * @param decided          the same among held-out pairs the judge did not tie (wins / (wins + losses))
 * @param markupValidity   mean markup validity of base and new model, and new − base
 * @param judgeScore       mean judge score of base and new model, and new − base
 * @param dpoLast          DPO metrics averaged over the last 10 steps
 * @param trainPairs       what the decided training pairs look like (per intent, and how often the chosen answer is
 *                         the shorter one: DPO's classic length bias)
 * @param byIntent         held-out verdicts per question intent
 * @param judge            the rule judge's checks ({@link RuleJudge.Rules}) that labelled and compared
 * @param issueJudge       the held-out verdicts of the issue's judge ({@link RuleJudge.Rules#ISSUE}) on the same answers:
 *                         the main figures again when that is the run's judge
 */
public record LoopReport(String baseModel, String newModel, String feedbackSnapshot, int trainQuestions, int pairs,
                         int pairsTooLong, int ties, int heldOutQuestions, int wins, int losses, int heldOutTies, Interval preference,
                         Interval decided, Comparison markupValidity, Comparison judgeScore,
                         Map<String, Double> dpoLast, double minutes, PairStats trainPairs, Map<String, Tally> byIntent,
                         String judge, Verdicts issueJudge) {

    /** Held-out verdicts of one judge and its preference for the new model (ties ½) with a bootstrap 95% interval. */
    public record Verdicts(Tally tally, Interval preference) {
    }

    /** A per-model mean and the paired difference new − base. */
    public record Comparison(double base, double newModel, Interval difference) {
    }

    /** Held-out verdicts (new model against base) on a group of questions. */
    public record Tally(int wins, int losses, int ties) {

        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Verdict newVsBase) {
            return new Tally(wins + (newVsBase == Verdict.A ? 1 : 0), losses + (newVsBase == Verdict.B ? 1 : 0),
                    ties + (newVsBase == Verdict.TIE ? 1 : 0));
        }
    }

    /**
     * The decided training pairs.
     *
     * @param byIntent      decided pairs per question intent
     * @param chosenShorter decided pairs whose chosen answer has fewer characters than the rejected one
     * @param chosenChars   mean characters of the chosen answers
     * @param rejectedChars mean characters of the rejected answers
     * @param bestOverServed how often the judge prefers the question's best answer (by its own score) to the served one,
     *                      ties ½, over all training questions: what a model that always gave the best of its answers
     *                      would score against the base on these questions — a ceiling for learning from these answers
     */
    public record PairStats(Map<String, Integer> byIntent, int chosenShorter, double chosenChars, double rejectedChars,
                            double bestOverServed) {

        /** A comparison-only run: no training pairs. */
        static final PairStats NONE = new PairStats(Map.of(), 0, 0, 0, 0);
    }

    /** The issue's target: ≥ 60% preference with the interval above 50%, and markup validity not lower. */
    public boolean targetMet() {
        return preference.estimate() >= 0.6 && preference.low() > 0.5 && markupValidity.difference().high() >= 0;
    }
}
