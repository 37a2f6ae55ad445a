package dev.aisle.evaluations.metric;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.evaluations.suite.Fact;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a product satisfies a question's constraint ({@link Fact} with product "*").
 * Fields: {@code max_price}, {@code min_price} (price in dollars), {@code category} (any element
 * of the category path, or a substring of the joined path), {@code department}, {@code brand},
 * {@code age} (years, inside the product's age range) and {@code min_age}/{@code max_age};
 * any other field names an attribute whose value (or "value unit") must equal the fact's value.
 */
public final class Constraints {

    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern OPEN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*\\+");

    private Constraints() {
    }

    public static boolean satisfies(Product p, Fact constraint) {
        String v = constraint.value().trim();
        String field = constraint.field().toLowerCase(Locale.ROOT);
        return switch (field) {
            case "max_price" -> p.price() <= number(constraint) + 1e-9;
            case "min_price" -> p.price() >= number(constraint) - 1e-9;
            case "category" -> p.categoryPath().stream().anyMatch(c -> c.equalsIgnoreCase(v))
                    || String.join(" > ", p.categoryPath()).toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT));
            case "department" -> p.department().equalsIgnoreCase(v);
            case "brand" -> p.brand().equalsIgnoreCase(v);
            case "age" -> ageRange(p).map(r -> r[0] <= number(constraint) && number(constraint) <= r[1]).orElse(false);
            case "min_age" -> ageRange(p).map(r -> r[1] >= number(constraint)).orElse(false);
            case "max_age" -> ageRange(p).map(r -> r[0] <= number(constraint)).orElse(false);
            default -> p.attributes().stream().anyMatch(a -> a.name().equalsIgnoreCase(constraint.field())
                    && (a.value().equalsIgnoreCase(v) || a.display().equalsIgnoreCase(v)));
        };
    }

    private static double number(Fact f) {
        try {
            return Double.parseDouble(f.value().trim().replace("$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("constraint " + f.field() + " needs a number, got '" + f.value() + "'");
        }
    }

    /**
     * The product's age range in years: attributes {@code min age}/{@code max age} (or
     * {@code min_age}/{@code max_age}, {@code age_min}/{@code age_max}), or one attribute named like "age" holding "3-5", "3 to 5" or "3+".
     */
    static java.util.Optional<double[]> ageRange(Product p) {
        OptionalDouble min = numeric(p, "min age", "min_age", "age_min");
        OptionalDouble max = numeric(p, "max age", "max_age", "age_max");
        if (min.isPresent() || max.isPresent()) {
            return java.util.Optional.of(new double[]{min.orElse(0), max.orElse(Double.MAX_VALUE)});
        }
        for (Attribute a : p.attributes()) {
            if (!a.name().toLowerCase(Locale.ROOT).contains("age")) {
                continue;
            }
            Matcher r = RANGE.matcher(a.value());
            if (r.find()) {
                return java.util.Optional.of(new double[]{Double.parseDouble(r.group(1)), Double.parseDouble(r.group(2))});
            }
            Matcher o = OPEN.matcher(a.value());
            if (o.find()) {
                return java.util.Optional.of(new double[]{Double.parseDouble(o.group(1)), Double.MAX_VALUE});
            }
        }
        return java.util.Optional.empty();
    }

    private static OptionalDouble numeric(Product p, String... names) {
        for (String n : names) {
            var a = p.attribute(n);
            if (a.isPresent() && a.get().number().isPresent()) {
                return a.get().number();
            }
        }
        return OptionalDouble.empty();
    }
}
