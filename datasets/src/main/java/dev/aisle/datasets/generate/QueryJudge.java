package dev.aisle.datasets.generate;

import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes search queries with graded judgments in the ESCI scheme of public shopping-query data:
 * exact (the category and every stated constraint), substitute (a near miss: right category but
 * a constraint broken, or a category that can stand in), complement (bought alongside) and
 * irrelevant. Judgments follow from the attributes, so they are right by construction.
 */
final class QueryJudge {

    private final Shop shop;

    QueryJudge(Shop shop) {
        this.shop = shop;
    }

    /** "waterproof trail shoes" but "golf rangefinder with slope": prepositional wishes go last. */
    static String combine(String phrase, String name) {
        return phrase.startsWith("with ") || phrase.startsWith("for ") ? name + " " + phrase : phrase + " " + name;
    }

    /** One judged query, or null when the drawn query has nothing exact to find. */
    JudgedQuery write(String id, Rng rng, Set<String> seen, Splitter splitter) {
        CategorySpec spec = shop.anyCategory(rng);
        String name = rng.pick(spec.searchNames());
        Predicate<Item> constraint = i -> true;
        String query;
        int kind = rng.below(4);
        if (kind == 1) {
            List<AttributeSpec> phrased = spec.attributes().stream().filter(a -> a.queryPhrase() != null).toList();
            Item example = rng.pick(shop.in(spec.leaf()));
            AttributeSpec a = phrased.isEmpty() ? null : rng.pick(phrased);
            String value = a == null ? "" : example.text(a.name());
            if (a == null || value.isEmpty() || "no".equals(value)) {
                kind = 0;
                query = name;
            } else {
                String phrase = Phrase.expand(a.queryPhrase(), rng, k -> k.equals("v") || k.equals("n") ? value : example.var(k));
                query = rng.chance(0.5) ? combine(phrase, name) : name + " " + phrase;
                constraint = i -> value.equals(i.text(a.name()));
            }
        } else if (kind == 2) {
            double cap = QuestionWriter.priceCap(shop.in(spec.leaf()), rng);
            query = name + " " + rng.pick("under ", "under $", "below ", "less than ") + (long) cap;
            constraint = i -> i.price() <= cap;
        } else if (kind == 3) {
            String brand = rng.pick(shop.in(spec.leaf())).brand();
            query = brand.toLowerCase(Locale.ROOT) + " " + name;
            constraint = i -> i.brand().equals(brand);
        } else {
            query = name;
        }
        if (!Double.isNaN(rng.pick(shop.in(spec.leaf())).num("min age")) && rng.chance(0.6)) {
            int age = rng.between(2, 10);
            query = query + rng.pick(" for " + age + " year old", " for a " + age + " yr old", " age " + age);
            Predicate<Item> before = constraint;
            constraint = i -> before.test(i) && i.num("min age") <= age && (Double.isNaN(i.num("max age")) || age <= i.num("max age"));
        }
        if (!seen.add(query)) {
            return null;
        }
        List<Judgment> judgments = new ArrayList<>();
        List<Item> same = shop.in(spec.leaf());
        Predicate<Item> exact = constraint;
        List<Item> exacts = same.stream().filter(exact).toList();
        if (exacts.isEmpty()) {
            return null;
        }
        for (Item i : rng.sample(exacts, 8)) {
            judgments.add(new Judgment(i.product().id(), Relevance.EXACT));
        }
        for (Item i : rng.sample(same.stream().filter(exact.negate()).toList(), 4)) {
            judgments.add(new Judgment(i.product().id(), Relevance.SUBSTITUTE));
        }
        for (String leaf : spec.substitutes()) {
            for (Item i : rng.sample(shop.in(leaf), 2)) {
                judgments.add(new Judgment(i.product().id(), Relevance.SUBSTITUTE));
            }
        }
        for (String leaf : spec.complements()) {
            for (Item i : rng.sample(shop.in(leaf), 2)) {
                judgments.add(new Judgment(i.product().id(), Relevance.COMPLEMENT));
            }
        }
        for (int n = 0; n < 6; n++) {
            Item other = rng.pick(shop.items());
            CategorySpec o = other.spec();
            if (!o.leaf().equals(spec.leaf()) && !spec.substitutes().contains(o.leaf())
                    && !spec.complements().contains(o.leaf())) {
                judgments.add(new Judgment(other.product().id(), Relevance.IRRELEVANT));
            }
        }
        List<Judgment> unique = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Judgment j : judgments) {
            if (ids.add(j.productId())) {
                unique.add(j);
            }
        }
        return new JudgedQuery(id, query, splitter.next(rng), unique);
    }
}
