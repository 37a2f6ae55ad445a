package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.generate.shelf.Aspect;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.Facts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A product together with the hidden truth it was generated from (quality and per-aspect scores),
 * and the template variables that let reviews and answers talk about it grammatically.
 */
public final class Item implements Facts {

    private final CategorySpec spec;
    private final double quality;
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Map<String, Double> aspectScores = new LinkedHashMap<>();
    private String brand = "";
    private String model = "";
    private double price = Double.NaN;
    private Product product;

    Item(CategorySpec spec, double quality) {
        this.spec = spec;
        this.quality = quality;
    }

    public CategorySpec spec() {
        return spec;
    }

    @Override
    public double quality() {
        return quality;
    }

    @Override
    public double price() {
        return price;
    }

    public Product product() {
        return product;
    }

    /** Hidden score 0–1 of one aspect; at or above 0.5 reviewers praise it, below they complain. */
    public double aspectScore(Aspect aspect) {
        return aspectScores.getOrDefault(aspect.name(), quality);
    }

    /** False when the aspect does not apply to this product (a drainage comment on a waterproof shoe). */
    public boolean hasAspect(Aspect aspect) {
        return aspectScores.containsKey(aspect.name());
    }

    /** True when reviewers complain about the fit (its hidden score is below the praise line). */
    public boolean hasFitProblem() {
        Double fit = aspectScores.get("fit");
        return fit != null && fit < 0.5;
    }

    void putAttribute(Attribute a) {
        attributes.put(a.name(), a);
    }

    void putAspectScore(String name, double score) {
        aspectScores.put(name, score);
    }

    void setNaming(String brand, String model) {
        this.brand = brand;
        this.model = model;
    }

    void setPrice(double price) {
        this.price = price;
    }

    void setProduct(Product product) {
        this.product = product;
    }

    public String brand() {
        return brand;
    }

    public String model() {
        return model;
    }

    public Map<String, Attribute> attributes() {
        return attributes;
    }

    @Override
    public double num(String attribute) {
        Attribute a = attributes.get(attribute);
        return a == null ? Double.NaN : a.number().orElse(Double.NaN);
    }

    @Override
    public String text(String attribute) {
        Attribute a = attributes.get(attribute);
        return a == null ? "" : a.value();
    }

    /**
     * Template variables: grammar that follows the category's number ({it}, {is}, {s}, {this}),
     * naming ({noun}, {brand}, {name}), price, and attributes ({v:drop} = "8 mm", {n:drop} = "8").
     */
    public String var(String key) {
        boolean pl = spec.plural();
        switch (key) {
            case "it": return pl ? "they" : "it";
            case "It": return pl ? "They" : "It";
            case "them": return pl ? "them" : "it";
            case "its": return pl ? "their" : "its";
            case "Its": return pl ? "Their" : "Its";
            case "is": return pl ? "are" : "is";
            case "Is": return pl ? "Are" : "Is";
            case "was": return pl ? "were" : "was";
            case "has": return pl ? "have" : "has";
            case "does": return pl ? "do" : "does";
            case "Does": return pl ? "Do" : "Does";
            case "doesnt": return pl ? "don't" : "doesn't";
            case "isnt": return pl ? "aren't" : "isn't";
            case "s": return pl ? "" : "s";
            case "es": return pl ? "" : "es";
            case "this": return pl ? "these" : "this";
            case "This": return pl ? "These" : "This";
            case "one": return spec.one();
            case "noun": return spec.noun();
            case "Noun": return Phrase.capitalize(spec.noun());
            case "brand": return brand;
            case "model": return model;
            case "name": return brand + " " + model;
            case "price": return money(price);
            case "category": return spec.leaf();
            case "usage": return spec.usageUnit();
            // A badly sized product is off in one direction, so every reviewer and answer agrees on it.
            case "sizing": return runsSmall() ? "small" : "large";
            case "resize": return runsSmall() ? "a size up" : "a size down";
            default:
                if (key.startsWith("v:") || key.startsWith("n:")) {
                    Attribute a = attributes.get(key.substring(2));
                    if (a == null) {
                        throw new IllegalArgumentException(spec.leaf() + " template uses attribute '"
                                + key.substring(2) + "' which this product lacks");
                    }
                    return key.charAt(0) == 'v' ? a.display() : a.value();
                }
                return null;
        }
    }

    private boolean runsSmall() {
        return ((brand + model).hashCode() & 1) == 0;
    }

    public static String money(double amount) {
        return String.format(Locale.ROOT, "$%.2f", amount);
    }
}
