package dev.aisle.datasets.generate;

import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.ShopperPhrases;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes search queries with graded judgments in the ESCI scheme of public shopping-query data.
 *
 * <p>Queries come in the styles real shoppers type: keyword queries in the shop's words ("waterproof
 * trail shoes under $120", "acme golf gloves"), the same with a typo, and — for about half of them —
 * paraphrases that name a need or a use instead of the category ("something to keep my hands warm
 * on the course that can handle a downpour"), from {@link ShopperPhrases}.
 *
 * <p>Every product of the queried category is judged: exact when it meets every stated wish
 * (category, attribute, price cap, brand, age), substitute when it is the right kind of product but
 * breaks a wish. A sample of the substitute categories is judged substitute, of the complement
 * categories complement, and a few random others irrelevant. Judgments follow from the attributes, so
 * they are right by construction, and the relevant set is complete, not a sample.
 */
final class QueryJudge {

    /** Shares of the query styles; the rest are paraphrases. */
    private static final double KEYWORD = 0.38;
    private static final double MISSPELLED = 0.08;
    private static final double KEYWORD_WITH_PARAPHRASED_WISH = 0.09;
    /** Judged products of each substitute category (every one of them partly fits). */
    private static final int PER_SUBSTITUTE_CATEGORY = 6;

    private final Shop shop;

    QueryJudge(Shop shop) {
        this.shop = shop;
    }

    /** "waterproof trail shoes" but "golf rangefinder with slope": prepositional wishes go last. */
    static String combine(String phrase, String name) {
        return phrase.startsWith("with ") || phrase.startsWith("for ") ? name + " " + phrase : phrase + " " + name;
    }

    /** What a query asks for: its text and the products that meet every wish in it. */
    private record Draft(String query, Predicate<Item> exact) {
    }

    /** One judged query, or null when the drawn query has nothing exact to find or was seen before. */
    JudgedQuery write(String id, Rng rng, Set<String> seen, Splitter splitter) {
        CategorySpec spec = shop.anyCategory(rng);
        List<Item> same = shop.in(spec.leaf());
        double style = rng.unit();
        Draft draft;
        if (style < KEYWORD || ShopperPhrases.needs(spec.leaf()).isEmpty()) {
            draft = keyword(spec, same, rng);
        } else if (style < KEYWORD + MISSPELLED) {
            Draft k = keyword(spec, same, rng);
            draft = new Draft(misspell(k.query(), rng), k.exact());
        } else if (style < KEYWORD + MISSPELLED + KEYWORD_WITH_PARAPHRASED_WISH) {
            draft = withWish(new Draft(rng.pick(spec.searchNames()), i -> true), spec, rng, 1.0);
        } else {
            draft = paraphrase(spec, same, rng);
        }
        if (!Double.isNaN(rng.pick(same).num("min age")) && rng.chance(0.6)) {
            int age = rng.between(2, 10);
            Predicate<Item> before = draft.exact();
            draft = new Draft(draft.query() + rng.pick(" for " + age + " year old", " for a " + age + " yr old", " age " + age,
                    " for my " + age + " year old"),
                    i -> before.test(i) && i.num("min age") <= age && (Double.isNaN(i.num("max age")) || age <= i.num("max age")));
        }
        if (!seen.add(draft.query())) {
            return null;
        }
        List<Judgment> judgments = judge(spec, same, draft.exact(), rng);
        return judgments == null ? null : new JudgedQuery(id, draft.query(), splitter.next(rng), judgments);
    }

    /** In the shop's words: a search name with an attribute, a price cap, a brand, or alone. */
    private Draft keyword(CategorySpec spec, List<Item> same, Rng rng) {
        String name = rng.pick(spec.searchNames());
        int kind = rng.below(4);
        if (kind == 1) {
            List<AttributeSpec> phrased = spec.attributes().stream().filter(a -> a.queryPhrase() != null).toList();
            Item example = rng.pick(same);
            AttributeSpec a = phrased.isEmpty() ? null : rng.pick(phrased);
            String value = a == null ? "" : example.text(a.name());
            if (a != null && !value.isEmpty() && !"no".equals(value)) {
                String phrase = Phrase.expand(a.queryPhrase(), rng, k -> k.equals("v") || k.equals("n") ? value : example.var(k));
                String query = rng.chance(0.5) ? combine(phrase, name) : name + " " + phrase;
                return new Draft(query, i -> value.equals(i.text(a.name())));
            }
        } else if (kind == 2) {
            double cap = QuestionWriter.priceCap(same, rng);
            return new Draft(name + " " + rng.pick("under ", "under $", "below ", "less than ") + (long) cap, i -> i.price() <= cap);
        } else if (kind == 3) {
            String brand = rng.pick(same).brand();
            return new Draft(brand.toLowerCase(Locale.ROOT) + " " + name, i -> i.brand().equals(brand));
        }
        return new Draft(name, i -> true);
    }

    /** A need instead of the category name, sometimes with a wish in the shopper's words and a price cap. */
    private Draft paraphrase(CategorySpec spec, List<Item> same, Rng rng) {
        String need = Phrase.expand(rng.pick(ShopperPhrases.needs(spec.leaf())), rng, k -> {
            throw new IllegalArgumentException("shopper phrases take no variables, got {" + k + "} for " + spec.leaf());
        });
        Draft draft = withWish(new Draft(need, i -> true), spec, rng, 0.45);
        if (rng.chance(0.25)) {
            double cap = QuestionWriter.priceCap(same, rng);
            Predicate<Item> before = draft.exact();
            long c = (long) cap;
            draft = new Draft(draft.query() + " " + rng.pick("under $" + c, "under " + c + " bucks", "for less than $" + c,
                    "below " + c + " dollars"), i -> before.test(i) && i.price() <= cap);
        }
        return draft;
    }

    /** Adds one of the category's wishes in the shopper's words, with probability {@code p}. */
    private Draft withWish(Draft draft, CategorySpec spec, Rng rng, double p) {
        List<ShopperPhrases.Wish> wishes = ShopperPhrases.wishes(spec.leaf());
        if (wishes.isEmpty() || !rng.chance(p)) {
            return draft;
        }
        ShopperPhrases.Wish wish = rng.pick(wishes);
        String text = Phrase.expand(wish.template(), rng, k -> {
            throw new IllegalArgumentException("shopper phrases take no variables, got {" + k + "} for " + spec.leaf());
        });
        Predicate<Item> before = draft.exact();
        String query = draft.query().endsWith(" with") && text.startsWith("with ")
                ? draft.query() + text.substring("with".length()) : draft.query() + " " + text;
        return new Draft(query, i -> before.test(i) && wish.fits().test(i));
    }

    /** One typo in a word of five or more letters: two letters swapped, one dropped or one doubled. */
    static String misspell(String query, Rng rng) {
        String[] words = query.split(" ");
        List<Integer> long5 = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            if (words[w].length() >= 5 && words[w].chars().allMatch(Character::isLetter)) {
                long5.add(w);
            }
        }
        if (long5.isEmpty()) {
            return query;
        }
        int w = rng.pick(long5);
        String word = words[w];
        int at = rng.between(1, word.length() - 2);
        words[w] = switch (rng.below(3)) {
            case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            default -> word.substring(0, at) + word.charAt(at) + word.substring(at);
        };
        return String.join(" ", words);
    }

    /** Every product of the category graded, plus samples of the substitute, complement and other shelves. */
    private List<Judgment> judge(CategorySpec spec, List<Item> same, Predicate<Item> exact, Rng rng) {
        List<Judgment> judgments = new ArrayList<>();
        boolean anyExact = false;
        for (Item i : same) {
            boolean fits = exact.test(i);
            anyExact |= fits;
            judgments.add(new Judgment(i.product().id(), fits ? Relevance.EXACT : Relevance.SUBSTITUTE));
        }
        if (!anyExact) {
            return null;
        }
        for (String leaf : spec.substitutes()) {
            for (Item i : rng.sample(shop.in(leaf), PER_SUBSTITUTE_CATEGORY)) {
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
        Set<String> ids = new HashSet<>();
        for (Judgment j : judgments) {
            if (ids.add(j.productId())) {
                unique.add(j);
            }
        }
        return unique;
    }
}
