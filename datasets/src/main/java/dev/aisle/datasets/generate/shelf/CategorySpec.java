package dev.aisle.datasets.generate.shelf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the generator needs to stock one leaf category: how products are named and priced,
 * which attributes they carry, what reviewers talk about, what shoppers ask, and the buying-guide
 * knowledge for the category. Shelves build these with the fluent setters below.
 */
public final class CategorySpec {

    private final List<String> path;
    private String noun;
    private boolean plural;
    private String titleNoun;
    private final List<String> searchNames = new ArrayList<>();
    private final List<String> brands = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private double priceLo = 10;
    private double priceHi = 100;
    private double share = 1;
    private final List<AttributeSpec> attributes = new ArrayList<>();
    private final List<Aspect> aspects = new ArrayList<>();
    private final List<QaSpec> qas = new ArrayList<>();
    private final List<String> uses = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private final List<String> guide = new ArrayList<>();
    private final List<String> substitutes = new ArrayList<>();
    private final List<String> complements = new ArrayList<>();
    private String usageUnit = "uses";
    private String one;

    private CategorySpec(List<String> path) {
        if (path.size() < 2) {
            throw new IllegalArgumentException("category path needs a department and a leaf, got " + path);
        }
        this.path = List.copyOf(path);
        this.titleNoun = path.get(path.size() - 1);
    }

    public static CategorySpec of(String... path) {
        return new CategorySpec(List.of(path));
    }

    /** How reviewers refer to what they bought ("these gloves", "this tent"). */
    public CategorySpec noun(String noun, boolean plural) {
        this.noun = noun;
        this.plural = plural;
        return this;
    }

    /** The noun phrase that ends product titles ("Trail Running Shoes for Men"); default: leaf name. */
    public CategorySpec titleNoun(String titleNoun) {
        this.titleNoun = titleNoun;
        return this;
    }

    /** Ways shoppers search for the category ("trail shoes", "trail runners"). */
    public CategorySpec searchNames(String... names) {
        searchNames.addAll(List.of(names));
        return this;
    }

    public CategorySpec brands(String... names) {
        brands.addAll(List.of(names));
        return this;
    }

    public CategorySpec models(String... names) {
        models.addAll(List.of(names));
        return this;
    }

    public CategorySpec price(double lo, double hi) {
        if (!(lo > 0 && hi >= lo)) {
            throw new IllegalArgumentException(leaf() + ": bad price range " + lo + "–" + hi);
        }
        this.priceLo = lo;
        this.priceHi = hi;
        return this;
    }

    /** Relative number of products on this shelf (1 = average). */
    public CategorySpec share(double share) {
        this.share = share;
        return this;
    }

    public CategorySpec attributes(AttributeSpec... specs) {
        attributes.addAll(List.of(specs));
        return this;
    }

    public CategorySpec aspects(Aspect... list) {
        aspects.addAll(List.of(list));
        return this;
    }

    public CategorySpec qa(Function<Facts, String> answer, String... questions) {
        qas.add(new QaSpec(List.of(questions), answer));
        return this;
    }

    /** Usage contexts that complete "I use {this} {noun} ..." (e.g. "for winter rounds"). */
    public CategorySpec uses(String... templates) {
        uses.addAll(List.of(templates));
        return this;
    }

    /** What "a second ..." buys: "pair" for shoes, "dozen" for balls; default pair or one by number. */
    public CategorySpec one(String word) {
        this.one = word;
        return this;
    }

    public String one() {
        return one != null ? one : plural ? "pair" : "one";
    }

    /** What a long-term reviewer counts ("rounds", "miles", "trips"). */
    public CategorySpec usageUnit(String unit) {
        this.usageUnit = unit;
        return this;
    }

    public CategorySpec describe(String... templates) {
        descriptions.addAll(List.of(templates));
        return this;
    }

    /** Buying-guide paragraphs in the store's voice. */
    public CategorySpec guide(String... paragraphs) {
        guide.addAll(List.of(paragraphs));
        return this;
    }

    /** Leaf names of categories that can stand in for this one. */
    public CategorySpec substitutes(String... leaves) {
        substitutes.addAll(List.of(leaves));
        return this;
    }

    /** Leaf names of categories bought together with this one. */
    public CategorySpec complements(String... leaves) {
        complements.addAll(List.of(leaves));
        return this;
    }

    public List<String> path() {
        return path;
    }

    public String department() {
        return path.get(0);
    }

    public String leaf() {
        return path.get(path.size() - 1);
    }

    public String noun() {
        return noun;
    }

    public boolean plural() {
        return plural;
    }

    public String titleNoun() {
        return titleNoun;
    }

    public List<String> searchNames() {
        return searchNames.isEmpty() ? List.of(leaf().toLowerCase(java.util.Locale.ROOT)) : searchNames;
    }

    public List<String> brands() {
        return brands;
    }

    public List<String> models() {
        return models;
    }

    public double priceLo() {
        return priceLo;
    }

    public double priceHi() {
        return priceHi;
    }

    public double share() {
        return share;
    }

    public List<AttributeSpec> attributes() {
        return attributes;
    }

    public List<Aspect> aspects() {
        return aspects;
    }

    public List<QaSpec> qas() {
        return qas;
    }

    public List<String> uses() {
        return uses;
    }

    public String usageUnit() {
        return usageUnit;
    }

    public List<String> descriptions() {
        return descriptions;
    }

    public List<String> guide() {
        return guide;
    }

    public List<String> substitutes() {
        return substitutes;
    }

    public List<String> complements() {
        return complements;
    }

    /** Checks the spec is complete enough to generate from; names the category and what is missing. */
    public CategorySpec validate() {
        List<String> missing = new ArrayList<>();
        if (noun == null) {
            missing.add("noun");
        }
        if (brands.isEmpty()) {
            missing.add("brands");
        }
        if (models.isEmpty()) {
            missing.add("models");
        }
        if (aspects.isEmpty()) {
            missing.add("aspects");
        }
        if (uses.isEmpty()) {
            missing.add("uses");
        }
        if (descriptions.isEmpty()) {
            missing.add("descriptions");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("category " + path + " lacks " + missing);
        }
        return this;
    }
}
