package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something the shopper wants a product to have, as a catalogue attribute: "that can handle a downpour"
 * is {@code waterproof ∈ {yes}}, "roomy enough for a family of five" is {@code capacity ≥ 5}. A text
 * wish accepts a set of values (lower case); a number wish a closed range (one side may be infinite).
 * Retrieval ranks products that meet it first; it is not a hard filter, because a learned wish can be wrong.
 *
 * @param values     accepted text values, lower case; empty for a number wish
 * @param min        lowest accepted number (a number wish), else NaN
 * @param max        highest accepted number (a number wish), else NaN
 * @param confidence 0..1: how often the phrase meant this in the training queries (1 for the catalogue's own words)
 * @param phrase     the words of the question it was read from, for the trace
 * @param shelves    leaf categories it applies to; empty: any shelf. A learned wish read from a question that
 *                   names no category applies only where it was learned ("keep me dry on the back nine" is a
 *                   golf jacket's waterproofing, not every waterproof product's)
 */
public record AttributeWish(String attribute, Set<String> values, double min, double max, double confidence, String phrase,
                            Set<String> shelves) {

    public AttributeWish {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("a wish needs an attribute name, got '" + attribute + "'");
        }
        values = Set.copyOf(new TreeSet<>(values));
        if (values.isEmpty() && (Double.isNaN(min) || Double.isNaN(max) || max < min)) {
            throw new IllegalArgumentException("wish on '" + attribute + "' has neither values nor a range: " + min + ".." + max);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("wish confidence must be in (0, 1], got " + confidence + " for '" + attribute + "'");
        }
        phrase = phrase == null ? "" : phrase;
        shelves = Set.copyOf(shelves);
    }

    public static AttributeWish text(String attribute, Set<String> values, double confidence, String phrase) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("text wish on '" + attribute + "' needs at least one value");
        }
        return new AttributeWish(attribute, values, Double.NaN, Double.NaN, confidence, phrase, Set.of());
    }

    public static AttributeWish range(String attribute, double min, double max, double confidence, String phrase) {
        return new AttributeWish(attribute, Set.of(), min, max, confidence, phrase, Set.of());
    }

    /** The same wish, applying only to products of these leaf categories. */
    public AttributeWish onlyIn(Set<String> leaves) {
        return new AttributeWish(attribute, values, min, max, confidence, phrase, leaves);
    }

    public boolean isText() {
        return !values.isEmpty();
    }

    /** Whether the product has the attribute with an accepted value; a product without it does not. */
    public boolean metBy(Product p) {
        if (!shelves.isEmpty() && !shelves.contains(p.category())) {
            return false;
        }
        for (Attribute a : p.attributes()) {
            if (a.name().equals(attribute)) {
                if (isText()) {
                    return values.contains(a.value().toLowerCase(Locale.ROOT));
                }
                var n = a.number();
                return n.isPresent() && n.getAsDouble() >= min && n.getAsDouble() <= max;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String what = isText() ? attribute + " in " + values
                : Double.isInfinite(max) ? attribute + " >= " + fmt(min)
                : Double.isInfinite(min) ? attribute + " <= " + fmt(max)
                : attribute + " in " + fmt(min) + ".." + fmt(max);
        return String.format(Locale.ROOT, "%s (\"%s\", %.2f)%s", what, phrase, confidence,
                shelves.isEmpty() ? "" : " in " + new TreeSet<>(shelves));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
