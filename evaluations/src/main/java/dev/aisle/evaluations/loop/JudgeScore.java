package dev.aisle.evaluations.loop;

import java.util.Locale;

/**
 * How the rule judge sees one answer. Each part is the answer metric of the same name, with the
 * value an undefined metric counts as: an answer with no checkable claim is not grounded (0), one
 * that recommends nothing for a constrained question satisfies nothing (0), one without markup has
 * no broken markup (1) and names no made-up product (0).
 */
public record JudgeScore(double intentFit, double groundedness, double constraintSatisfaction, double markupValidity,
                         double hallucinatedProductRate) {

    /** The judge's single figure: the four goods, minus the share of made-up products. */
    public double total() {
        return intentFit + groundedness + constraintSatisfaction + markupValidity - hallucinatedProductRate;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f (fit %.0f, grounded %.2f, constraints %.2f, markup %.2f, made-up %.2f)",
                total(), intentFit, groundedness, constraintSatisfaction, markupValidity, hallucinatedProductRate);
    }
}
