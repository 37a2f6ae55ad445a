package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.TopicGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.ReferenceFact;
import dev.aisle.datasets.judgments.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes evaluation questions of the five intents the way shoppers type them (lower case, "under
 * 50 bucks", "for my 5 yo"), each with the reference facts a correct answer must state or respect.
 * Facts come from the catalogue, so they are right by construction.
 */
final class QuestionWriter {

    private static final double[] CAPS = {10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000};

    private final Shop shop;

    QuestionWriter(Shop shop) {
        this.shop = shop;
    }

    /** One question, or null when the draw found nothing to ask about (the caller draws again). */
    EvalQuestion write(Intent intent, String id, Split split, Rng rng) {
        Draft d = switch (intent) {
            case PRODUCT_DETAIL -> detail(rng);
            case COMPARISON -> comparison(rng);
            case RECOMMENDATION -> recommendation(rng);
            case ADVICE -> advice(rng);
            case STORE_SERVICE -> service(rng);
        };
        if (d == null) {
            return null;
        }
        return new EvalQuestion(id, shopperTyping(d.text, rng), intent, split, d.productIds, d.facts);
    }

    private record Draft(String text, List<String> productIds, List<ReferenceFact> facts) {
    }

    private Draft detail(Rng rng) {
        Item item = rng.pick(shop.items());
        String id = item.product().id();
        String ref = ref(item, rng);
        if (rng.chance(0.15)) {
            String rating = Double.toString(item.product().rating());
            return new Draft(Phrase.expand("[how well rated is the {r}|what do people rate the {r}|{r} rating"
                    + "|how many stars does the {r} have|are the reviews good for the {r}]?", rng, k -> ref), List.of(id),
                    List.of(new ReferenceFact(id, "rating", rating)));
        }
        List<Attribute> attributes = new ArrayList<>(item.attributes().values());
        Attribute a = rng.pick(attributes);
        String name = a.name();
        String template;
        String thing = ProductMaker.thingOf(item, name);
        if (name.endsWith(" included")) {
            template = "[does the {r} come with {t}|is {t} included with the {r}]?";
        } else if (name.endsWith(" required")) {
            template = "[does the {r} need {t}|are {t} needed for the {r}]?";
        } else if ("yes".equals(a.value()) || "no".equals(a.value())) {
            template = AttributeSpec.isAdjective(name)
                    ? "[{Is} the {r} {a}|{r}: {is} {it} {a}|{Is} the {r} actually {a}]?"
                    : "[{Does} the {r} have {t}|{Does} the {r} come with {t}|{r} - {a} or not]?";
        } else {
            template = "[what is the {a} of the {r}|{r} {a}|what {a} does the {r} have|whats the {a} on the {r}"
                    + "|tell me the {a} of the {r}|how about the {a} for the {r}]?";
        }
        String subject = name.endsWith(" included") || name.endsWith(" required")
                ? name.substring(0, name.lastIndexOf(' ')) : thing;
        String text = Phrase.expand(template, rng, k -> switch (k) {
            case "r" -> ref;
            case "t" -> subject;
            case "a" -> name;
            default -> item.var(k);
        });
        return new Draft(text, List.of(id), List.of(new ReferenceFact(id, name, a.display())));
    }

    private Draft comparison(Rng rng) {
        Item a = rng.pick(shop.items());
        CategorySpec spec = a.spec();
        boolean cross = !spec.substitutes().isEmpty() && rng.chance(0.25);
        List<Item> pool = cross ? shop.in(rng.pick(spec.substitutes())) : shop.in(spec.leaf());
        if (pool.isEmpty()) {
            return null;
        }
        Item b = rng.pick(pool);
        if (b == a) {
            return null;
        }
        String ra = ref(a, rng);
        String rb = ref(b, rng);
        List<ReferenceFact> facts = new ArrayList<>();
        String text = null;
        if (!cross) {
            List<String> numeric = new ArrayList<>();
            for (Attribute x : a.attributes().values()) {
                if (!Double.isNaN(a.num(x.name())) && !Double.isNaN(b.num(x.name()))
                        && a.num(x.name()) != b.num(x.name())) {
                    numeric.add(x.name());
                }
            }
            if (!numeric.isEmpty() && rng.chance(0.5)) {
                String attr = rng.pick(numeric);
                boolean more = rng.chance(0.5);
                Item winner = (a.num(attr) > b.num(attr)) == more ? a : b;
                String ask = attr.equals("weight") ? (more ? "[which is heavier|which one weighs more]"
                        : "[which is lighter|which one weighs less]")
                        : "[which has the " + (more ? "higher" : "lower") + " {x}|which one has the "
                        + (more ? "bigger" : "smaller") + " {x}]";
                text = Phrase.expand(ask + ": [the |]{a} or [the |]{b}?", rng,
                        k -> switch (k) { case "a" -> ra; case "b" -> rb; default -> attr; });
                facts.add(new ReferenceFact(a.product().id(), attr, a.attributes().get(attr).display()));
                facts.add(new ReferenceFact(b.product().id(), attr, b.attributes().get(attr).display()));
                facts.add(new ReferenceFact("*", "winner", winner.product().id()));
            }
        }
        if (text == null) {
            String use = Phrase.expand(rng.pick(spec.uses()), rng, k -> ReviewWriter.kidVars(a, rng, k));
            text = Phrase.expand("[{a} vs {b}|compare the {a} and the {b}|what's the difference between the {a} and the {b}"
                    + "|{a} or {b} {u}|should i get the {a} or the {b}|is the {a} better than the {b}"
                    + "|help me choose between the {a} and the {b}]?", rng,
                    k -> switch (k) { case "a" -> ra; case "b" -> rb; default -> use; });
            for (Item x : List.of(a, b)) {
                facts.add(new ReferenceFact(x.product().id(), "category", x.spec().leaf()));
                for (Attribute attr : x.attributes().values().stream().limit(3).toList()) {
                    facts.add(new ReferenceFact(x.product().id(), attr.name(), attr.display()));
                }
            }
        }
        facts.add(new ReferenceFact(a.product().id(), "price", price(a.price())));
        facts.add(new ReferenceFact(b.product().id(), "price", price(b.price())));
        return new Draft(text, List.of(a.product().id(), b.product().id()), facts);
    }

    private Draft recommendation(Rng rng) {
        CategorySpec spec = shop.anyCategory(rng);
        List<Item> pool = shop.in(spec.leaf());
        String name = rng.pick(spec.searchNames());
        List<ReferenceFact> facts = new ArrayList<>();
        facts.add(new ReferenceFact("*", "category", spec.leaf()));
        Predicate<Item> ok = i -> true;
        List<String> wishes = new ArrayList<>();
        String phrase = null;
        boolean toy = !Double.isNaN(pool.get(0).num("min age"));
        if (toy || rng.chance(0.35)) {
            List<AttributeSpec> phrased = spec.attributes().stream().filter(x -> x.queryPhrase() != null).toList();
            if (!phrased.isEmpty() && (!toy || rng.chance(0.3))) {
                AttributeSpec x = rng.pick(phrased);
                Item example = rng.pick(pool);
                String value = example.text(x.name());
                if (!value.isEmpty() && !"no".equals(value)) {
                    phrase = Phrase.expand(x.queryPhrase(), rng, k -> k.equals("v") || k.equals("n") ? value : example.var(k));
                    ok = ok.and(i -> value.equals(i.text(x.name())));
                    facts.add(new ReferenceFact("*", x.name(), value));
                }
            }
        }
        if (toy) {
            int age = rng.between(2, 10);
            ok = ok.and(i -> i.num("min age") <= age && (Double.isNaN(i.num("max age")) || age <= i.num("max age")));
            facts.add(new ReferenceFact("*", "age", Integer.toString(age)));
            wishes.add(Phrase.expand("for [my|a] " + age + " [yo|year old|yr old|year-old][ [son|daughter|grandson|niece|nephew]|]",
                    rng, k -> null));
        }
        if (!toy || rng.chance(0.5)) {
            if (rng.chance(0.7)) {
                double cap = priceCap(pool, rng);
                ok = ok.and(i -> i.price() <= cap);
                facts.add(new ReferenceFact("*", "max_price", Long.toString((long) cap)));
                wishes.add(Phrase.expand("[under|below|for less than|under|max|no more than] "
                        + "[$" + (long) cap + "|" + (long) cap + " bucks|" + (long) cap + " dollars|$" + (long) cap + "]",
                        rng, k -> null));
            }
        }
        List<Item> qualifying = pool.stream().filter(ok).sorted(Shop.BEST_RATED).limit(10).toList();
        if (qualifying.isEmpty()) {
            return null;
        }
        String what = phrase == null ? name : QueryJudge.combine(phrase, name);
        String cons = String.join(" ", wishes);
        String text = Phrase.expand("[best {w} {c}|any good {w} {c}|looking for {w} {c}|what {w} would you recommend {c}"
                + "|i need {w} {c}|recommend [some|a few|] {w} {c}|top rated {w} {c}|{w} {c}|good {w} {c}"
                + "|which {w} should i buy {c}]?", rng, k -> k.equals("w") ? what : cons);
        return new Draft(text, qualifying.stream().map(i -> i.product().id()).toList(), facts);
    }

    private Draft advice(Rng rng) {
        List<ReferenceFact> facts = new ArrayList<>();
        if (!shop.topics().isEmpty() && rng.chance(0.5)) {
            TopicGuide topic = rng.pick(shop.topics());
            facts.add(new ReferenceFact("*", "guide", GuideWriter.topicGuideId(topic)));
            for (String leaf : topic.categories()) {
                facts.add(new ReferenceFact("*", "category", leaf));
            }
            for (String c : topic.covers()) {
                facts.add(new ReferenceFact("*", "covers", c));
            }
            return new Draft(Phrase.expand(rng.pick(topic.questions()), rng, k -> null), List.of(), facts);
        }
        CategorySpec spec = shop.anyCategory(rng);
        String name = spec.leaf().toLowerCase(Locale.ROOT);
        facts.add(new ReferenceFact("*", "guide", GuideWriter.categoryGuideId(spec)));
        facts.add(new ReferenceFact("*", "category", spec.leaf()));
        spec.attributes().stream().filter(a -> a.explain() != null).limit(3)
                .forEach(a -> facts.add(new ReferenceFact("*", "covers", a.name())));
        String text = Phrase.expand("[what should i look for in {n}|how do i choose {n}|any tips for buying {n}"
                + "|what matters most when buying {n}|first time buying {n}, what should i know"
                + "|what's worth paying extra for in {n}|how do i pick good {n}]?", rng, k -> name);
        return new Draft(text, List.of(), facts);
    }

    private Draft service(Rng rng) {
        Item item = rng.pick(shop.items());
        String id = item.product().id();
        String ref = ref(item, rng);
        int kind = rng.below(4);
        return switch (kind) {
            case 0 -> new Draft(Phrase.expand("[how much is the {r}|price of the {r}|what does the {r} cost right now"
                    + "|current price for the {r}|{r} price]?", rng, k -> ref), List.of(id),
                    List.of(new ReferenceFact(id, "price", price(item.price()))));
            case 1 -> new Draft(Phrase.expand("[is the {r} on sale|any discount on the {r}|is the {r} cheaper than usual]?",
                    rng, k -> ref), List.of(id), List.of(new ReferenceFact(id, "price", price(item.price())),
                    new ReferenceFact(id, "list_price", price(item.product().listPrice()))));
            case 2 -> new Draft(Phrase.expand("[is the {r} in stock|do you have the {r} in stock|{r} available"
                    + "|can i still buy the {r}]?", rng, k -> ref), List.of(id),
                    List.of(new ReferenceFact(id, "service", "stock")));
            default -> new Draft(Phrase.expand("[when would the {r} arrive if i order today|can i get the {r} by friday"
                    + "|how fast is delivery for the {r}|how long does shipping take for the {r}]?", rng, k -> ref),
                    List.of(id), List.of(new ReferenceFact(id, "service", "delivery")));
        };
    }

    /** How a shopper names a product: brand and model, sometimes with the kind of thing it is. */
    private static String ref(Item item, Rng rng) {
        String name = item.brand() + " " + item.model();
        return rng.chance(0.5) ? name + " " + rng.pick(item.spec().searchNames()) : name;
    }

    /** A round price cap near the middle of what the category costs. */
    static double priceCap(List<Item> items, Rng rng) {
        double[] prices = items.stream().mapToDouble(Item::price).sorted().toArray();
        double target = prices[Math.min(prices.length - 1, (int) (prices.length * rng.between(0.3, 0.8)))];
        double best = CAPS[0];
        for (double c : CAPS) {
            if (Math.abs(c - target) < Math.abs(best - target)) {
                best = c;
            }
        }
        return best;
    }

    static String price(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    private static String shopperTyping(String text, Rng rng) {
        String t = text;
        if (rng.chance(0.3) && t.endsWith("?")) {
            t = t.substring(0, t.length() - 1);
        }
        if (rng.chance(0.45)) {
            return t.toLowerCase(Locale.ROOT);
        }
        return Phrase.capitalize(t);
    }
}
