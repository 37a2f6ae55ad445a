package dev.aisle.datasets.catalog;

import java.util.OptionalDouble;

/**
 * A typed product attribute. Numbers are kept as text in {@code value} with their unit apart,
 * so "drop 8 mm" is {@code Attribute("drop", "8", "mm")}; text and yes/no attributes have an
 * empty unit.
 */
public record Attribute(String name, String value, String unit) {

    public Attribute {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        value = value == null ? "" : value;
        unit = unit == null ? "" : unit;
    }

    public static Attribute text(String name, String value) {
        return new Attribute(name, value, "");
    }

    public OptionalDouble number() {
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** "8 mm", "waterproof: yes": how the attribute reads in an answer. */
    public String display() {
        return unit.isEmpty() ? value : value + " " + unit;
    }
}
