package dev.aisle.evaluations.loop;

import java.util.Locale;

/**
 * How the rule judge sees one answer. Each part is the answer metric of the same name, with the
 * value an undefined metric counts as: an answer with no checkable claim is not grounded (0), one
 * that recommends nothing for a constrained question satisfies nothing (0), one without markup has
 * no broken markup (1) and names no made-up product (0), and — for the {@link RuleJudge.Rules#BOUND_PRICES}
 * judge only; 0 for the issue's judge — one that states no price or rating of a named product binds none (0).
 */
public record JudgeScore(double intentFit, double groundedness, double constraintSatisfaction, double markupValidity,
                         double hallucinatedProductRate, double priceRatingBinding) {

    /** A score of the issue's judge, which does not read price binding. */
    public JudgeScore(double intentFit, double groundedness, double constraintSatisfaction, double markupValidity,
                      double hallucinatedProductRate) {
        this(intentFit, groundedness, constraintSatisfaction, markupValidity, hallucinatedProductRate, 0);
    }

    /** This score as the issue's judge gives it: without price binding. */
    public JudgeScore asIssueJudge() {
        return new JudgeScore(intentFit, groundedness, constraintSatisfaction, markupValidity, hallucinatedProductRate);
    }

    /** The judge's single figure: the goods, minus the share of made-up products. */
    public double total() {
        return intentFit + groundedness + constraintSatisfaction + markupValidity + priceRatingBinding - hallucinatedProductRate;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f (fit %.0f, grounded %.2f, constraints %.2f, markup %.2f, made-up %.2f, bound %.2f)",
                total(), intentFit, groundedness, constraintSatisfaction, markupValidity, hallucinatedProductRate,
                priceRatingBinding);
    }
}
