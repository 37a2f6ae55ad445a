package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Product;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names shoppers call products by, and where a question spells one. A catalogue title reads
 * "Brand Model Shelf-noun – specs" ("Little Roar Roar Squad 3 Dinosaur Toy Set – Ages 3+"): the name
 * is the brand followed by the model words, whole and in order ("little roar roar squad 3"). A model
 * alone names a product only when it could not be an ordinary phrase: two or more words, one of them a
 * number or a word that is no shelf word or tier word ("trailblazer pro", "summit 5"), and no other
 * product has that model. So "Tinker Town Roar Squad 3" is not read into "Little Roar Roar Squad 3",
 * and "keeps me warm in the backcountry" does not name the "Timberline Co Backcountry".
 *
 * <p>The shelf noun is learned per leaf category: the longest run of last title words (after the brand,
 * before the dash) that nine in ten of the shelf's titles share ("HEPA Air Purifier", "Golf Balls (12
 * Pack)"); on a shelf of fewer than {@value #LEARNED_NOUN_MIN_SHELF} products only words of the category
 * path count, since a shared ending of two titles says little. Immutable; thread-safe.
 */
public final class ProductNames {

    /** Where a question spells a product's name: token positions [from, to). */
    public record Mention(String productId, int from, int to, boolean brandSpelled) {
    }

    /** One product's name: brand tokens and model tokens (lower case, singular). */
    record Name(String productId, List<String> brand, List<String> model) {
    }

    static final int LEARNED_NOUN_MIN_SHELF = 5;
    private static final double NOUN_SHARE = 0.9;
    private static final int MAX_NOUN_WORDS = 6;
    /** Words that mark a model's tier rather than name it. */
    private static final Set<String> TIER_WORDS = Set.of("pro", "plus", "elite", "sport", "max", "lite",
            "tour", "xt", "ultra", "classic", "mini", "air", "core");

    private final Map<List<String>, List<Name>> byModel = new HashMap<>();
    private final Map<List<String>, List<Name>> byBrand = new HashMap<>();
    private final Map<String, Name> byId = new LinkedHashMap<>();
    private final Set<String> describing = new HashSet<>();
    private int longestName;

    /**
     * @param describingWords words that describe rather than name (shopper shelf phrases like "brick set",
     *                        attribute values like "bamboo"): a name spelled without its brand, or cut short,
     *                        must have a word that is none of these
     */
    public ProductNames(List<Product> products, Set<String> describingWords) {
        describing.addAll(describingWords);
        Map<String, List<Product>> shelves = new LinkedHashMap<>();
        for (Product p : products) {
            shelves.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p);
            p.categoryPath().forEach(c -> describing.addAll(Words.tokens(Words.key(c))));
        }
        for (List<Product> shelf : shelves.values()) {
            List<String> noun = shelfNoun(shelf);
            for (Product p : shelf) {
                Name n = name(p, noun);
                if (n.model().isEmpty()) {
                    continue;
                }
                byId.put(p.id(), n);
                byModel.computeIfAbsent(n.model(), k -> new ArrayList<>()).add(n);
                byBrand.computeIfAbsent(n.brand(), k -> new ArrayList<>()).add(n);
                longestName = Math.max(longestName, n.brand().size() + n.model().size());
            }
        }
    }

    /** Brand and model words of a product, or null when its title gives no model. */
    Name name(String productId) {
        return byId.get(productId);
    }

    /**
     * The products {@code tokens} (lower case, singular, in question order) name, longest spelling
     * first and never two on the same words; in the order they appear in the question.
     */
    public List<Mention> find(List<String> tokens) {
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i + 1; j <= Math.min(tokens.size(), i + longestName); j++) {
                List<Name> named = byModel.get(tokens.subList(i, j));
                if (named == null) {
                    continue;
                }
                for (Name n : named) {
                    int from = i - n.brand().size();
                    boolean brand = !n.brand().isEmpty() && from >= 0 && tokens.subList(from, i).equals(n.brand());
                    if (brand) {
                        found.add(new Mention(n.productId(), from, j, true));
                    } else if (named.size() == 1 && standsAlone(n.model())) {
                        found.add(new Mention(n.productId(), i, j, false));
                    }
                }
            }
        }
        List<Mention> whole = List.copyOf(found);
        for (int i = 0; i < tokens.size(); i++) {
            shortened(tokens, i).filter(m -> !whole.contains(m)).ifPresent(found::add);
        }
        // Longest spelling first; a spelled brand counts for two words ("acme summit 5" over "summit 5 pro"),
        // a shortened name for one.
        found.sort(Comparator.comparingInt((Mention m) -> -(m.to() - m.from() + (m.brandSpelled() ? 2 : 0)
                        - (whole.contains(m) ? 0 : 1)))
                .thenComparingInt(Mention::from));
        boolean[] used = new boolean[tokens.size()];
        List<Mention> kept = new ArrayList<>();
        for (Mention m : found) {
            boolean free = true;
            for (int k = m.from(); k < m.to(); k++) {
                free &= !used[k];
            }
            if (free) {
                kept.add(m);
                for (int k = m.from(); k < m.to(); k++) {
                    used[k] = true;
                }
            }
        }
        kept.sort(Comparator.comparingInt(Mention::from));
        return Collections.unmodifiableList(kept);
    }

    /**
     * A brand followed by the first words of one of its models and no more ("the fairway frost glove"
     * for "Fairway Frost Winter"): a name when exactly that one product of the brand starts so and the
     * words spelled include one that is no shelf, tier or everyday word.
     */
    private Optional<Mention> shortened(List<String> tokens, int from) {
        for (Map.Entry<List<String>, List<Name>> brand : byBrand.entrySet()) {
            List<String> b = brand.getKey();
            if (b.isEmpty() || from + b.size() >= tokens.size() || !tokens.subList(from, from + b.size()).equals(b)) {
                continue;
            }
            int start = from + b.size();
            int best = 0;
            List<Name> leaders = new ArrayList<>();
            for (Name n : brand.getValue()) {
                int k = 0;
                while (k < n.model().size() && start + k < tokens.size() && n.model().get(k).equals(tokens.get(start + k))) {
                    k++;
                }
                if (k > best) {
                    best = k;
                    leaders.clear();
                }
                if (k == best && k > 0) {
                    leaders.add(n);
                }
            }
            if (leaders.size() == 1 && best < leaders.get(0).model().size()
                    && tokens.subList(start, start + best).stream().anyMatch(this::distinctive)) {
                return Optional.of(new Mention(leaders.get(0).productId(), from, start + best, true));
            }
        }
        return Optional.empty();
    }

    private boolean distinctive(String word) {
        return !CatalogueLexicon.isNumber(word) && !describing.contains(word) && !TIER_WORDS.contains(word)
                && !Words.COMMON.contains(word);
    }

    /** A model spelled without its brand is a name only when no everyday phrase looks like it. */
    private boolean standsAlone(List<String> model) {
        if (model.size() < 2) {
            return false;
        }
        return model.stream().anyMatch(t -> CatalogueLexicon.isNumber(t) || distinctive(t));
    }

    private List<String> shelfNoun(List<Product> shelf) {
        Set<String> pathWords = new HashSet<>();
        shelf.forEach(p -> p.categoryPath().forEach(c -> pathWords.addAll(Words.tokens(Words.key(c)))));
        List<String> best = List.of();
        for (int k = 1; k <= MAX_NOUN_WORDS; k++) {
            Map<List<String>, Integer> counts = new HashMap<>();
            for (Product p : shelf) {
                List<String> rest = afterBrand(p);
                if (rest.size() > k) {
                    counts.merge(List.copyOf(rest.subList(rest.size() - k, rest.size())), 1, Integer::sum);
                }
            }
            List<String> top = counts.entrySet().stream().max(Map.Entry.comparingByValue())
                    .filter(e -> e.getValue() >= NOUN_SHARE * shelf.size()).map(Map.Entry::getKey).orElse(null);
            if (top == null || (shelf.size() < LEARNED_NOUN_MIN_SHELF && !pathWords.containsAll(top))) {
                break;
            }
            best = top;
        }
        return best;
    }

    private static Name name(Product p, List<String> noun) {
        List<String> rest = new ArrayList<>(afterBrand(p));
        if (rest.size() > noun.size() && rest.subList(rest.size() - noun.size(), rest.size()).equals(noun)) {
            rest = rest.subList(0, rest.size() - noun.size());
        }
        List<String> brand = Words.tokens(Words.key(p.brand()));
        return new Name(p.id(), brand, List.copyOf(rest));
    }

    /** The title's words before the spec dash, without the leading brand words. */
    private static List<String> afterBrand(Product p) {
        String head = p.title();
        int dash = head.indexOf(" \u2013 ");
        if (dash < 0) {
            dash = head.indexOf(" - ");
        }
        if (dash > 0) {
            head = head.substring(0, dash);
        }
        List<String> words = Words.tokens(Words.key(head));
        List<String> brand = Words.tokens(Words.key(p.brand()));
        if (words.size() > brand.size() && words.subList(0, brand.size()).equals(brand)) {
            return words.subList(brand.size(), words.size());
        }
        // A title that does not start with its brand: the brand's words anywhere are not the model.
        return words.stream().filter(w -> !brand.contains(w)).toList();
    }
}
