package dev.aisle.datasets.generate.shelf;

import dev.aisle.datasets.generate.Rng;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * How one attribute of a category is drawn and talked about: its value rule, the bullet and title
 * fragment that show it on the product page, the ways shoppers ask about it and how it is
 * answered, and the buying-guide sentence that explains why it matters.
 */
public final class AttributeSpec {

    /** Whether better-made products tend to have higher or lower values. */
    public enum Better { HIGHER, LOWER, NEITHER }

    private final String name;
    private final String unit;
    private final BiFunction<Facts, Rng, String> rule;
    private Predicate<Facts> when = f -> true;
    private String bullet;
    private String title;
    private final List<String> asks = new ArrayList<>();
    private String answer;
    private String explain;
    private String queryPhrase;
    private String thing;

    private AttributeSpec(String name, String unit, BiFunction<Facts, Rng, String> rule) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        this.name = name;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.rule = rule;
    }

    /** A number drawn in [lo, hi] on a grid of {@code step}; better products lean the better way. */
    public static AttributeSpec number(String name, String unit, double lo, double hi, double step, Better better) {
        if (!(hi >= lo) || step <= 0) {
            throw new IllegalArgumentException(name + ": bad range [" + lo + ", " + hi + "] step " + step);
        }
        return new AttributeSpec(name, unit, (f, rng) -> {
            double u = rng.unit();
            double x = switch (better) {
                case HIGHER -> 0.55 * f.quality() + 0.45 * u;
                case LOWER -> 1 - (0.55 * f.quality() + 0.45 * u);
                case NEITHER -> u;
            };
            return format(lo + Math.round(x * (hi - lo) / step) * step, step);
        });
    }

    public static AttributeSpec choice(String name, String... values) {
        List<String> list = List.of(values);
        return new AttributeSpec(name, "", (f, rng) -> rng.pick(list));
    }

    /** "yes" with probability {@code pYes}, else "no". */
    public static AttributeSpec flag(String name, double pYes) {
        return new AttributeSpec(name, "", (f, rng) -> rng.chance(pYes) ? "yes" : "no");
    }

    /** A value that depends on what was drawn before (and on the product's quality). */
    public static AttributeSpec rule(String name, String unit, BiFunction<Facts, Rng, String> rule) {
        return new AttributeSpec(name, unit, rule);
    }

    public static String format(double value, double step) {
        if (step >= 1 && Math.abs(value - Math.rint(value)) < 1e-9) {
            return Long.toString(Math.round(value));
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whether a yes/no attribute reads as an adjective ("waterproof") rather than a thing ("rock plate"). */
    public static boolean isAdjective(String name) {
        return name.endsWith("proof") || name.endsWith("safe") || name.endsWith("resistant")
                || name.endsWith("able") || name.endsWith("ible") || name.endsWith("free")
                || name.endsWith("reflective") || name.endsWith("self-emptying");
    }

    /** How a yes/no attribute reads after "it has" ("a rock plate"); default: its name. */
    public AttributeSpec thing(String phrase) {
        this.thing = phrase;
        return this;
    }

    public String thing() {
        return thing == null ? name : thing;
    }

    /** Only present when the predicate holds for what was drawn so far. */
    public AttributeSpec when(Predicate<Facts> predicate) {
        this.when = predicate;
        return this;
    }

    /** Bullet template; {v} is the value with its unit. */
    public AttributeSpec bullet(String template) {
        this.bullet = template;
        return this;
    }

    /** Title fragment template, e.g. "{v} Lugs"; used for the most telling attributes. */
    public AttributeSpec title(String template) {
        this.title = template;
        return this;
    }

    /** Question and answer templates for community Q&A. */
    public AttributeSpec qa(String answerTemplate, String... questionTemplates) {
        this.answer = answerTemplate;
        this.asks.addAll(List.of(questionTemplates));
        return this;
    }

    /** One buying-guide sentence on why this attribute matters. */
    public AttributeSpec explain(String sentence) {
        this.explain = sentence;
        return this;
    }

    /** How a shopper would put a wish for this attribute into a search ("waterproof"). */
    public AttributeSpec query(String phrase) {
        this.queryPhrase = phrase;
        return this;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public boolean appliesTo(Facts f) {
        return when.test(f);
    }

    public String draw(Facts f, Rng rng) {
        return rule.apply(f, rng);
    }

    public String bullet() {
        return bullet;
    }

    public String title() {
        return title;
    }

    public List<String> asks() {
        return asks;
    }

    public String answer() {
        return answer;
    }

    public String explain() {
        return explain;
    }

    public String queryPhrase() {
        return queryPhrase;
    }
}
