package dev.aisle.evaluations.metric;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Unit spellings a shopper or a model writes, mapped to one canonical spelling. */
final class Units {

    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        alias("mm", "mm", "millimeter", "millimeters", "millimetre", "millimetres");
        alias("cm", "cm", "centimeter", "centimeters", "centimetre", "centimetres");
        alias("in", "in", "inch", "inches");
        alias("ft", "ft", "foot", "feet");
        alias("yd", "yd", "yard", "yards");
        alias("g", "g", "gram", "grams");
        alias("kg", "kg", "kilogram", "kilograms");
        alias("oz", "oz", "ounce", "ounces");
        alias("lb", "lb", "lbs", "pound", "pounds");
        alias("ml", "ml", "milliliter", "milliliters", "millilitre", "millilitres");
        alias("l", "l", "liter", "liters", "litre", "litres");
        alias("mah", "mah");
        alias("w", "w", "watt", "watts");
        alias("v", "v", "volt", "volts");
        alias("h", "h", "hr", "hrs", "hour", "hours");
        alias("%", "%", "percent");
    }

    private Units() {
    }

    private static void alias(String canonical, String... spellings) {
        for (String s : spellings) {
            ALIASES.put(s, canonical);
        }
    }

    /** "Inches" → "in"; unknown units are lower-cased and kept. */
    static String canonical(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(u, u);
    }

    /** Every spelling that maps to {@code canonical}, including itself. */
    static java.util.List<String> spellings(String canonical) {
        java.util.List<String> out = new java.util.ArrayList<>();
        ALIASES.forEach((s, c) -> {
            if (c.equals(canonical)) {
                out.add(s);
            }
        });
        if (out.isEmpty()) {
            out.add(canonical);
        }
        return out;
    }

    static java.util.Set<String> defaultCanonical() {
        return new java.util.TreeSet<>(ALIASES.values());
    }
}
