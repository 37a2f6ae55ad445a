package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns which shopper phrases mean an attribute wish, from the TRAIN judged queries only (held-out
 * evaluation stays honest). A judged query grades every product of its shelf: Exact when it meets
 * every wish. So within the shelf, among the products that pass what the analysis already reads (price,
 * age, brand, attribute values named in the catalogue's words), the Exact products are those that meet
 * the wishes the analysis missed. When one attribute tells them apart from the rest — every Exact
 * product has waterproof yes and no other one does; every Exact one holds 5 people or more and no
 * other one does — that attribute is what the query's words asked for. Every phrase of the query
 * (1–{@value WishPhrases#MAX_WORDS} words) votes for it; a query where nothing is missing votes
 * "no wish". A phrase seen in at least {@link #MIN_SUPPORT} queries that voted for one wish in at least
 * {@link #MIN_PURITY} of them means that wish; a phrase of {@link #LONG_PHRASE} words or more needs one
 * query, and every query containing it must have voted for that wish.
 */
public final class WishPhraseLearner {

    static final int MIN_SUPPORT = 2;
    static final double MIN_PURITY = 0.75;
    /**
     * A phrase of this many words or more is specific enough to be learned from one query ("stays tacky
     * when it is humid"), if no query containing it asked for anything else: on either half of TRAIN,
     * learned from the other, this lifted recall@20 by 0.016 and 0.032 (session 5).
     */
    static final int LONG_PHRASE = 3;
    /**
     * Words that carry no wish by themselves: a phrase made only of these and of everyday words
     * ({@code Words.COMMON}) — "that come with", "where", "make my" — is never learned, however often
     * it happened to stand next to one wish in the training queries.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "that", "this", "these", "those", "it", "its",
            "is", "are", "be", "to", "of", "in", "on", "at", "for", "from", "by", "with", "as", "and", "or", "so", "my", "me",
            "i", "you", "your", "his", "her", "their", "our", "we", "they", "can", "do", "don", "t", "won", "when", "how",
            "who", "up", "out", "off", "all", "no", "not", "too", "very", "if", "s", "m");
    /** A wish accepting more text values than this names nothing in particular. */
    private static final int MAX_VALUES = 3;

    private WishPhraseLearner() {
    }

    /** One query's vote: the wish it needed, in the shelf it was asked in. */
    private record Vote(String leaf, AttributeWish wish) {
    }

    /**
     * @param analyzer reads price, age, brands and catalogue attribute words, so that what it already
     *                 finds is not learned again; it should know the learned category names too
     */
    public static WishPhrases learn(List<JudgedQuery> queries, List<Product> products, QuestionAnalyzer analyzer) {
        Map<String, Product> byId = new HashMap<>();
        Map<String, List<Product>> shelves = new HashMap<>();
        for (Product p : products) {
            byId.put(p.id(), p);
            shelves.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Map<String, List<Vote>>> votes = new HashMap<>();
        // Reading the queries is most of the work and each is read alone: on every core (the votes stay in query order).
        List<Evidence> evidence = queries.parallelStream().filter(q -> q.split() == Split.TRAIN)
                .map(q -> evidence(q, byId, shelves, analyzer)).filter(java.util.Objects::nonNull).toList();
        for (Evidence e : evidence) {
            for (String phrase : e.phrases()) {
                seen.merge(phrase, 1, Integer::sum);
                Map<String, List<Vote>> byKey = votes.computeIfAbsent(phrase, k -> new HashMap<>());
                e.explaining().forEach((key, wish) -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Vote(e.leaf(), wish)));
            }
        }
        Map<String, WishPhrases.Meaning> learned = new HashMap<>();
        votes.forEach((phrase, byKey) -> {
            int support = seen.get(phrase);
            int minSupport = phrase.split(" ").length >= LONG_PHRASE ? 1 : MIN_SUPPORT;
            if (support < minSupport || byKey.isEmpty() || !hasContent(phrase)) {
                return;
            }
            Map.Entry<String, List<Vote>> top = byKey.entrySet().stream()
                    .max(Map.Entry.<String, List<Vote>>comparingByValue((x, y) -> Integer.compare(x.size(), y.size()))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            double purity = (double) top.getValue().size() / support;
            if (top.getValue().size() < minSupport || purity < (minSupport == 1 ? 1.0 : MIN_PURITY)) {
                return;
            }
            learned.put(phrase, meaning(phrase, top.getValue(), purity, support));
        });
        return new WishPhrases(learned);
    }

    static boolean hasContent(String phrase) {
        for (String w : phrase.split(" ")) {
            if (!FUNCTION_WORDS.contains(w) && !Words.COMMON.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** What one training query says: its phrases and the wishes (none: it asked for nothing more) that explain its Exact products. */
    private record Evidence(String leaf, Set<String> phrases, Map<String, AttributeWish> explaining) {
    }

    /** Null when the query cannot say what was missing (no Exact product, a misread constraint, two wishes at once). */
    private static Evidence evidence(JudgedQuery q, Map<String, Product> byId, Map<String, List<Product>> shelves,
                                     QuestionAnalyzer analyzer) {
        Set<String> exact = new HashSet<>();
        Map<String, Integer> leaves = new HashMap<>();
        for (Judgment j : q.judgments()) {
            Product p = byId.get(j.productId());
            if (j.label() == Relevance.EXACT && p != null) {
                exact.add(p.id());
                leaves.merge(p.category(), 1, Integer::sum);
            }
        }
        String leaf = leaves.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
        if (leaf == null) {
            return null;
        }
        QuestionAnalysis a = analyzer.analyze(q.query(), ConversationContext.empty());
        List<Product> shelf = shelves.get(leaf);
        Set<String> onShelf = new HashSet<>();
        shelf.forEach(p -> p.attributes().forEach(at -> onShelf.add(at.name())));
        List<Product> passing = shelf.stream().filter(p -> passes(p, a.constraints(), onShelf)).toList();
        List<Product> wanted = passing.stream().filter(p -> exact.contains(p.id())).toList();
        if (wanted.size() != exact.size()) {
            return null; // the analysis misread a price or brand: this query cannot say what is missing
        }
        List<Product> rest = passing.stream().filter(p -> !exact.contains(p.id())).toList();
        Map<String, AttributeWish> explaining = rest.isEmpty() ? Map.of() : explain(wanted, rest, shelf);
        if (!rest.isEmpty() && explaining.isEmpty()) {
            return null; // two wishes at once, or one the catalogue's attributes do not hold
        }
        return new Evidence(leaf, WishPhrases.phrasesOf(WishPhrases.tokens(a.searchText())), explaining);
    }

    /** Per shelf one wish: text values as seen, a number threshold as the median of the queries' thresholds. */
    private static WishPhrases.Meaning meaning(String phrase, List<Vote> votes, double purity, int support) {
        Map<String, List<AttributeWish>> byLeaf = new LinkedHashMap<>();
        votes.forEach(v -> byLeaf.computeIfAbsent(v.leaf(), k -> new ArrayList<>()).add(v.wish()));
        Map<String, AttributeWish> wishes = new HashMap<>();
        String main = null;
        int mainCount = 0;
        for (Map.Entry<String, List<AttributeWish>> e : byLeaf.entrySet()) {
            List<AttributeWish> ws = e.getValue();
            AttributeWish first = ws.get(0);
            AttributeWish w = first.isText()
                    ? AttributeWish.text(first.attribute(), first.values(), purity, phrase)
                    : AttributeWish.range(first.attribute(), median(ws, true), median(ws, false), purity, phrase);
            wishes.put(e.getKey(), w);
            if (ws.size() > mainCount || (ws.size() == mainCount && e.getKey().compareTo(main) < 0)) {
                main = e.getKey();
                mainCount = ws.size();
            }
        }
        return new WishPhrases.Meaning(phrase, wishes, main, support);
    }

    private static double median(List<AttributeWish> ws, boolean lower) {
        double[] v = ws.stream().mapToDouble(w -> lower ? w.min() : w.max()).sorted().toArray();
        return v[v.length / 2];
    }

    /** Whether a product passes what the analysis read; a constraint on an attribute its shelf lacks is ignored. */
    static boolean passes(Product p, Constraints c, Set<String> shelfAttributes) {
        if (c.price().isPresent() && !c.price().get().contains(p.price())) {
            return false;
        }
        if (!c.brands().isEmpty() && !c.brands().contains(p.brand())) {
            return false;
        }
        if (c.age().isPresent()) {
            var lo = p.attribute("min age").flatMap(a -> boxed(a.number()));
            var hi = p.attribute("max age").flatMap(a -> boxed(a.number()));
            if (lo.isPresent() && !c.age().get().fits(lo.get().intValue(), hi.map(Double::intValue).orElse(AgeRange.OPEN))) {
                return false;
            }
        }
        for (Map.Entry<String, String> e : c.attributes().entrySet()) {
            if (e.getValue().isEmpty() || !shelfAttributes.contains(e.getKey())) {
                continue;
            }
            if (!p.attribute(e.getKey()).map(a -> a.value().equalsIgnoreCase(e.getValue())).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Optional<Double> boxed(java.util.OptionalDouble d) {
        return d.isPresent() ? java.util.Optional.of(d.getAsDouble()) : java.util.Optional.empty();
    }

    /**
     * Every attribute that tells the wanted products from the rest: keyed "name=values" for text,
     * "name>=", "name<=" or "name in" for numbers (the threshold differs from shelf to shelf).
     */
    static Map<String, AttributeWish> explain(List<Product> wanted, List<Product> rest, List<Product> shelf) {
        Set<String> names = new TreeSet<>();
        shelf.forEach(p -> p.attributes().forEach(a -> names.add(a.name())));
        Map<String, AttributeWish> out = new LinkedHashMap<>();
        for (String name : names) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean numbers = true;
            Set<String> values = new TreeSet<>();
            boolean all = true;
            for (Product p : wanted) {
                Attribute a = p.attribute(name).orElse(null);
                if (a == null) {
                    all = false;
                    break;
                }
                values.add(a.value().toLowerCase(Locale.ROOT));
                if (a.number().isPresent()) {
                    lo = Math.min(lo, a.number().getAsDouble());
                    hi = Math.max(hi, a.number().getAsDouble());
                } else {
                    numbers = false;
                }
            }
            if (!all) {
                continue;
            }
            if (numbers) {
                boolean below = false;
                boolean above = false;
                boolean inside = false;
                for (Product p : rest) {
                    var n = p.attribute(name).flatMap(a -> boxed(a.number()));
                    if (n.isEmpty()) {
                        continue;
                    }
                    double v = n.get();
                    inside |= v >= lo && v <= hi;
                    below |= v < lo;
                    above |= v > hi;
                }
                if (inside || (!below && !above)) {
                    continue;
                }
                String key = !below ? name + "<=" : !above ? name + ">=" : name + " in";
                out.put(key, AttributeWish.range(name, below ? lo : Double.NEGATIVE_INFINITY,
                        above ? hi : Double.POSITIVE_INFINITY, 1, ""));
            } else if (values.size() <= MAX_VALUES) {
                boolean clash = rest.stream().anyMatch(p -> p.attribute(name)
                        .map(a -> values.contains(a.value().toLowerCase(Locale.ROOT))).orElse(false));
                if (!clash) {
                    out.put(name + "=" + values, AttributeWish.text(name, values, 1, ""));
                }
            }
        }
        return out;
    }
}
