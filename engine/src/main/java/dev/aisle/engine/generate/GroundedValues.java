package dev.aisle.engine.generate;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The prices, ratings and measures one answer may state, each owned by the product whose evidence item
 * (or catalogue title) states it; values of items without a product (buying guides) belong to no product,
 * and the question's own values (a budget, a size) may always be repeated. With a subject (the product the
 * sentence is about, {@link ProductSubject}) only that product's values and the question's are open; with
 * none, every value of the evidence is.
 */
public final class GroundedValues {

    /** What one owner's texts state. */
    private static final class Values {
        final Set<String> prices = new TreeSet<>();
        final Set<Double> ratings = new TreeSet<>();
        final Map<String, Set<Double>> measures = new HashMap<>();

        void add(Values other) {
            prices.addAll(other.prices);
            ratings.addAll(other.ratings);
            other.measures.forEach((u, vs) -> measures.computeIfAbsent(u, k -> new TreeSet<>()).addAll(vs));
        }

        int numbers() {
            return ratings.size() + measures.values().stream().mapToInt(Set::size).sum();
        }
    }

    private final Map<String, Values> byProduct;
    private final Values unowned;
    private final Values question;
    private final Map<Optional<String>, Values> open = new HashMap<>();
    private final Map<Optional<String>, NumberGrammar.Judge> judges = new HashMap<>();

    private GroundedValues(Map<String, Values> byProduct, Values unowned, Values question) {
        this.byProduct = byProduct;
        this.unowned = unowned;
        this.question = question;
    }

    /**
     * Reads every evidence text (and each evidence product's catalogue title, which may state a measure:
     * "… base layer, 230 g/m²") and the question with {@code grammar}.
     *
     * @param titles product id → title, for the evidence's products
     */
    public static GroundedValues of(List<EvidenceLine> evidence, Map<String, String> titles, String question,
                                    NumberGrammar grammar) {
        Map<String, Values> byProduct = new LinkedHashMap<>();
        Values unowned = new Values();
        for (EvidenceLine e : evidence) {
            Values v = e.productId().isBlank() ? unowned : byProduct.computeIfAbsent(e.productId(), k -> new Values());
            read(v, e.text(), grammar);
            v.prices.addAll(PriceConstraint.amounts(List.of(e.text()), ""));
        }
        titles.forEach((id, title) -> read(byProduct.computeIfAbsent(id, k -> new Values()), title, grammar));
        Values asked = new Values();
        String q = question == null ? "" : question;
        read(asked, q, grammar);
        asked.prices.addAll(PriceConstraint.amounts(List.of(), q));
        return new GroundedValues(byProduct, unowned, asked);
    }

    private static void read(Values into, String text, NumberGrammar grammar) {
        for (NumberGrammar.Claim c : grammar.read(text)) {
            if (c.rating()) {
                into.ratings.add(c.value());
            } else {
                into.measures.computeIfAbsent(c.unit(), k -> new TreeSet<>()).add(c.value());
            }
        }
    }

    /** The values open while the answer is about {@code subject} (every evidence value when empty). */
    private Values open(Optional<String> subject) {
        return this.open.computeIfAbsent(subject, s -> {
            Values v = new Values();
            v.add(question);
            if (s.isPresent()) {
                Optional.ofNullable(byProduct.get(s.get())).ifPresent(v::add);
            } else {
                byProduct.values().forEach(v::add);
                v.add(unowned);
            }
            return v;
        });
    }

    /** Amounts a "$" may spell, as written ("45.99", "50"). */
    public Set<String> prices(Optional<String> subject) {
        return open(subject).prices;
    }

    /** Distinct ratings and measures of the whole answer scope (for the trace). */
    public int numberCount() {
        return open(Optional.empty()).numbers();
    }

    /** Distinct amounts of the whole answer scope (for the trace). */
    public int priceCount() {
        return open(Optional.empty()).prices.size();
    }

    /** The judge of ratings and measures while the answer is about {@code subject}. */
    public NumberGrammar.Judge judge(Optional<String> subject) {
        return judges.computeIfAbsent(subject, s -> judge(open(s)));
    }

    private static NumberGrammar.Judge judge(Values v) {
        Set<String> spellings = new TreeSet<>();
        for (double r : v.ratings) {
            spellings.add(String.format(Locale.ROOT, "%.1f", r));
            if (r == Math.rint(r)) {
                spellings.add(Long.toString((long) r));
            }
        }
        return new NumberGrammar.Judge() {
            @Override
            public boolean rating(double value) {
                return v.ratings.stream().anyMatch(r -> Math.abs(r - value) < 1e-9);
            }

            @Override
            public boolean ratingPrefix(String spelled) {
                return spellings.stream().anyMatch(s -> s.startsWith(spelled));
            }

            @Override
            public boolean measure(double value, String unit) {
                Set<Double> values = v.measures.get(unit);
                return values != null && values.stream()
                        .anyMatch(x -> Math.abs(x - value) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(value))));
            }
        };
    }
}
