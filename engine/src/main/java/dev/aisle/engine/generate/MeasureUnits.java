package dev.aisle.engine.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unit spellings a shopper or a model writes after a number ("8 mm", "10 inches", "5 years"), mapped to
 * one canonical spelling. The one table both the grounded-number decoder and the evaluations' claim
 * extractor read, so that what the decoder keeps honest is exactly what the metrics check.
 *
 * <p>An instance is the set of units one shop guards: the common units below plus every unit its
 * catalogue writes numbers with ("lumens", "balls", "°F").
 */
public final class MeasureUnits {

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

    private final Map<String, String> spellingToCanonical;
    private final List<String> spellingsLongestFirst;

    private MeasureUnits(Collection<String> canonicalUnits) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : canonicalUnits) {
            for (String s : spellings(c)) {
                m.put(s, c);
            }
        }
        this.spellingToCanonical = Map.copyOf(m);
        List<String> all = new ArrayList<>(m.keySet());
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.spellingsLongestFirst = List.copyOf(all);
    }

    private static void alias(String canonical, String... spellings) {
        for (String s : spellings) {
            ALIASES.put(s, canonical);
        }
    }

    /** The common units only (no catalogue at hand). */
    public static MeasureUnits common() {
        return new MeasureUnits(commonCanonical());
    }

    /** The common units and every unit of {@code catalogueUnits}, as the catalogue writes them ("Inches", "°F"). */
    public static MeasureUnits of(Collection<String> catalogueUnits) {
        Set<String> canonical = commonCanonical();
        for (String u : catalogueUnits) {
            if (u != null && !u.isBlank()) {
                canonical.add(canonical(u));
            }
        }
        return new MeasureUnits(canonical);
    }

    /** "Inches" → "in"; unknown units are lower-cased and kept. */
    public static String canonical(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(u, u);
    }

    /** Every spelling that maps to {@code canonical}, including itself, lower case. */
    public static List<String> spellings(String canonical) {
        List<String> out = new ArrayList<>();
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

    /** Canonical spellings of the common units. */
    public static Set<String> commonCanonical() {
        return new TreeSet<>(ALIASES.values());
    }

    /** The lower-case spellings this shop guards, longest first (so "mm" is tried before "m"). */
    public List<String> spellingsLongestFirst() {
        return spellingsLongestFirst;
    }

    /** The canonical unit of a guarded lower-case spelling, or null. */
    public String canonicalOf(String lowerCaseSpelling) {
        return spellingToCanonical.get(lowerCaseSpelling);
    }
}
