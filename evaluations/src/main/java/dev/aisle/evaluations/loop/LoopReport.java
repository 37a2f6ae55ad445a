package dev.aisle.evaluations.loop;

import dev.aisle.evaluations.stats.Interval;

/**
 * The figures of a closed-loop run.
 *
 * @param pairs            training pairs the judge decided (ties are not trained on)
 * @param ties             training questions whose two answers the judge tied
 * @param preference       judge's preference for the new model on held-out questions, ties counting ½, with a
 *                         bootstrap 95% interval
 * @param decided          the same among held-out pairs the judge did not tie (wins / (wins + losses))
 * @param markupValidity   mean markup validity of base and new model, and new − base
 * @param judgeScore       mean judge score of base and new model, and new − base
 * @param dpoLast          DPO metrics averaged over the last 10 steps
 */
public record LoopReport(String baseModel, String newModel, String feedbackSnapshot, int trainQuestions, int pairs,
                         int ties, int heldOutQuestions, int wins, int losses, int heldOutTies, Interval preference,
                         Interval decided, Comparison markupValidity, Comparison judgeScore,
                         java.util.Map<String, Double> dpoLast, double minutes) {

    /** A per-model mean and the paired difference new − base. */
    public record Comparison(double base, double newModel, Interval difference) {
    }

    /** The target: ≥ 60% preference with the interval above 50%, and markup validity not lower. */
    public boolean targetMet() {
        return preference.estimate() >= 0.6 && preference.low() > 0.5 && markupValidity.difference().high() >= 0;
    }
}
