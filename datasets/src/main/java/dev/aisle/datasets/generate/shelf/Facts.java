package dev.aisle.datasets.generate.shelf;

/**
 * What a shelf rule may ask about the product being written: its attributes so far, price and
 * hidden quality. Rules use it so that later attributes, reviews and answers agree with earlier
 * attributes (a road shoe never gets a rock plate; a 310 g shoe is never praised as featherlight).
 */
public interface Facts {

    /** Numeric value of an attribute; NaN when absent or not a number. */
    double num(String attribute);

    /** Text value of an attribute; empty when absent. */
    String text(String attribute);

    default boolean yes(String attribute) {
        return "yes".equals(text(attribute));
    }

    default boolean has(String attribute) {
        return !text(attribute).isEmpty();
    }

    /** Hidden build quality, 0–1; never shown, only reflected in reviews and specs. */
    double quality();

    double price();
}
