package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of one catalogue: category names at every level of the path, brands, attribute names
 * and text values, and product names (brand + model), each keyed by its lower-case singular form.
 * Built once per catalogue; immutable and safe to share between threads.
 */
public final class CatalogueLexicon {

    /** A text attribute value that names a property shoppers ask for ("gore-tex", "red"). */
    public record AttributeValue(String attribute, String value) {
    }

    private static final int MAX_VALUE_SPREAD = 3;
    /** Words of a price cap: a typo in them ("belw 150") would otherwise hide the cap from the price patterns. */
    private static final List<String> PRICE_WORDS = List.of("under", "below", "less", "than", "dollars", "bucks");

    private final Map<String, String> categories = new HashMap<>();
    private final Map<String, Integer> categoryDepth = new HashMap<>();
    private final Map<String, String> learned = new HashMap<>();
    private final Map<String, Integer> learnedSupport = new HashMap<>();
    private final Map<String, String> brands = new HashMap<>();
    private final Map<String, String> attributeNames = new HashMap<>();
    private final Set<String> booleanAttributes = new HashSet<>();
    private final Map<String, AttributeValue> attributeValues = new HashMap<>();
    private final ProductNames productNames;
    private final Set<String> productIds = new HashSet<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Set<String> categoryWords = new HashSet<>();
    /** Words of text attribute values ("stand bag", "spikeless"): they describe products, so they do not name one. */
    private final Set<String> valueWords = new HashSet<>();
    private int maxPhraseLength = 1;
    private final Map<String, Product> productsById = new HashMap<>();
    /** Category name → the names above it on any product's path ("Trail Running Shoes" → Running Shoes, Running). */
    private final Map<String, Set<String>> ancestors = new HashMap<>();
    private final Set<String> leaves = new HashSet<>();
    /**
     * Vocabulary words a typo may be corrected to, by length: a word within edit distance d of a token
     * is at most d letters longer or shorter, so correcting scans a few lengths, not the whole vocabulary
     * (most of what analysing a question cost, and learning reads every training query).
     */
    private final Map<Integer, List<String>> correctable = new HashMap<>();
    /** Set at construction, or once by {@link LearnedLexicon} after learning them with this very lexicon. */
    private volatile WishPhrases wishPhrases;

    public CatalogueLexicon(List<Product> products) {
        this(products, Map.of());
    }

    public CatalogueLexicon(List<Product> products, Map<String, String> learnedCategories) {
        this(products, learnedCategories, WishPhrases.none());
    }

    /**
     * @param learnedCategories extra phrases (singular keys) naming a leaf category, e.g. learned from
     *                          judged training queries ("golf mitten" → "Winter Golf Gloves"); they never
     *                          replace a category's own name
     * @param wishPhrases       shopper phrases that mean attribute wishes, e.g. learned by {@link WishPhraseLearner}
     */
    public CatalogueLexicon(List<Product> products, Map<String, String> learnedCategories, WishPhrases wishPhrases) {
        this(products, learnedCategories, Map.of(), wishPhrases);
    }

    /**
     * @param categorySupport how many training queries each learned category phrase was seen in (see
     *                        {@link CategoryPhraseLearner#learnWithSupport}); a phrase missing here counts as a guess
     */
    public CatalogueLexicon(List<Product> products, Map<String, String> learnedCategories, Map<String, Integer> categorySupport,
                            WishPhrases wishPhrases) {
        if (products.isEmpty()) {
            throw new IllegalArgumentException("cannot build a lexicon from an empty catalogue");
        }
        this.wishPhrases = wishPhrases;
        Map<String, Set<String>> valueOwners = new HashMap<>();
        Map<String, AttributeValue> firstValue = new LinkedHashMap<>();
        for (Product p : products) {
            productIds.add(p.id());
            productsById.put(p.id(), p);
            List<String> path = p.categoryPath();
            for (int depth = 0; depth < path.size(); depth++) {
                String k = Words.key(path.get(depth));
                categories.putIfAbsent(k, path.get(depth));
                categoryDepth.merge(k, depth, Math::max);
                remember(k);
                categoryWords.addAll(List.of(k.split(" ")));
                ancestors.computeIfAbsent(path.get(depth), x -> new HashSet<>()).addAll(path.subList(0, depth));
                if (depth == path.size() - 1) {
                    leaves.add(path.get(depth));
                }
            }
            String bk = Words.key(p.brand());
            brands.putIfAbsent(bk, p.brand());
            remember(bk);
            for (Attribute a : p.attributes()) {
                String nk = Words.key(a.name().replace('_', ' '));
                attributeNames.putIfAbsent(nk, a.name());
                remember(nk);
                String v = Words.normalise(a.value());
                if (v.equals("yes") || v.equals("no")) {
                    booleanAttributes.add(a.name());
                } else if (a.number().isEmpty() && v.length() >= 3 && a.unit().isEmpty()) {
                    String vk = Words.key(v);
                    valueOwners.computeIfAbsent(vk, x -> new HashSet<>()).add(a.name());
                    firstValue.putIfAbsent(vk, new AttributeValue(a.name(), a.value()));
                }
            }
        }
        // A value that many attributes share ("medium", "standard") names nothing in particular.
        firstValue.keySet().forEach(k -> valueWords.addAll(List.of(k.split(" "))));
        firstValue.forEach((k, v) -> {
            if (valueOwners.get(k).size() <= MAX_VALUE_SPREAD && !categories.containsKey(k) && !brands.containsKey(k)) {
                attributeValues.put(k, v);
                remember(k);
            }
        });
        addCategoryAliases(products);
        PRICE_WORDS.forEach(vocabulary::add);
        learnedCategories.forEach((phrase, leaf) -> {
            String k = Words.key(phrase);
            if (!k.isEmpty() && !categories.containsKey(k) && categories.containsKey(Words.key(leaf))) {
                learned.put(k, leaf);
                learnedSupport.put(k, categorySupport.getOrDefault(phrase, 0));
                categoryDepth.put(k, categoryDepth.get(Words.key(leaf)));
                remember(k);
                categoryWords.addAll(List.of(k.split(" ")));
            }
        });
        Set<String> describing = new HashSet<>(categoryWords);
        describing.addAll(valueWords);
        productNames = new ProductNames(products, describing);
        for (Product p : products) {
            ProductNames.Name name = productNames.name(p.id());
            if (name != null) {
                name.model().forEach(this::remember);
            }
        }
        for (String v : vocabulary) {
            if (v.length() >= 3 && !isNumber(v)) {
                correctable.computeIfAbsent(v.length(), x -> new ArrayList<>()).add(v);
            }
        }
    }

    /**
     * Short names shoppers use for long leaf categories: "trail shoes" for "Trail Running Shoes"
     * (first and last word) and "running shoes" (last two words), kept only when they point at one leaf.
     */
    private void addCategoryAliases(List<Product> products) {
        Map<String, Set<String>> aliasTargets = new HashMap<>();
        for (Product p : products) {
            String[] t = Words.key(p.category()).split(" ");
            if (t.length < 3) {
                continue;
            }
            aliasTargets.computeIfAbsent(t[0] + " " + t[t.length - 1], x -> new HashSet<>()).add(p.category());
            aliasTargets.computeIfAbsent(t[t.length - 2] + " " + t[t.length - 1], x -> new HashSet<>()).add(p.category());
        }
        aliasTargets.forEach((alias, targets) -> {
            if (targets.size() == 1 && !categories.containsKey(alias)) {
                String leaf = targets.iterator().next();
                categories.put(alias, leaf);
                categoryDepth.put(alias, categoryDepth.get(Words.key(leaf)));
            }
        });
    }

    private void remember(String key) {
        for (String t : key.split(" ")) {
            if (!t.isEmpty()) {
                vocabulary.add(t);
            }
        }
        maxPhraseLength = Math.max(maxPhraseLength, key.split(" ").length);
    }

    static boolean isNumber(String t) {
        return !t.isEmpty() && Character.isDigit(t.charAt(0));
    }

    /** Canonical category name for a singular key ("trail running shoe" → "Trail Running Shoes"). */
    public String category(String key) {
        return categories.get(key);
    }

    /** Every learned category phrase and its leaf, for diagnosis. */
    public Map<String, String> learnedCategories() {
        return Map.copyOf(learned);
    }

    /** How many training queries the learned category phrase (a singular key) was seen in; 0 when unknown. */
    public int learnedSupport(String key) {
        return learnedSupport.getOrDefault(key, 0);
    }

    /** A leaf category that shoppers' phrase (learned from judged queries) names, or null. */
    public String learnedCategory(String key) {
        return learned.get(key);
    }

    /** Deeper categories are more specific; a key that is a leaf somewhere gets its deepest level. */
    int categoryDepth(String key) {
        return categoryDepth.getOrDefault(key, 0);
    }

    public String brand(String key) {
        return brands.get(key);
    }

    public String attributeName(String key) {
        return attributeNames.get(key);
    }

    public boolean isBooleanAttribute(String name) {
        return booleanAttributes.contains(name);
    }

    public AttributeValue attributeValue(String key) {
        return attributeValues.get(key);
    }

    /**
     * Whether {@code broader} is above {@code narrower} on a product's category path; a learned shopper
     * phrase stands for its leaf.
     */
    boolean isAncestor(String broader, String narrower) {
        return ancestors.getOrDefault(narrower, Set.of()).contains(broader);
    }

    /** Whether products sit directly in this category (a shelf), not only below it. */
    public boolean isLeaf(String category) {
        return leaves.contains(category);
    }

    /**
     * Attaches wish phrases learned with this lexicon's own analysis, so that learning does not build the
     * lexicon twice (building it is most of what opening the pipeline's lexicon costs). Once only, before
     * the lexicon is shared.
     */
    void attachWishPhrases(WishPhrases learnedWishes) {
        if (wishPhrases.size() > 0) {
            throw new IllegalStateException("wish phrases already attached (" + wishPhrases.size() + " phrases)");
        }
        wishPhrases = learnedWishes;
    }

    /** The learned wish phrases ({@link WishPhrases#none()} when none were given). */
    public WishPhrases wishPhrases() {
        return wishPhrases;
    }

    /** The catalogue's product with this id, or null. */
    public Product product(String id) {
        return productsById.get(id);
    }

    public boolean isProductId(String id) {
        return productIds.contains(id);
    }

    public Set<String> productIds() {
        return Collections.unmodifiableSet(productIds);
    }

    /** Where questions spell product names. */
    public ProductNames productNames() {
        return productNames;
    }

    boolean isCategoryWord(String singularToken) {
        return categoryWords.contains(singularToken);
    }

    boolean isValueWord(String singularToken) {
        return valueWords.contains(singularToken);
    }

    int maxPhraseLength() {
        return maxPhraseLength;
    }

    /**
     * The lexicon word a typed token most likely meant, or the token itself. Only words the lexicon
     * does not know, that are not everyday English and are at least four letters long are corrected.
     */
    public String correct(String token) {
        if (token.length() < 4 || isNumber(token) || vocabulary.contains(token)
                || vocabulary.contains(Words.singular(token)) || Words.COMMON.contains(token)) {
            return token;
        }
        int limit = token.length() >= 8 ? 2 : 1;
        String best = token;
        int bestDistance = limit + 1;
        for (int length = token.length() - limit; length <= token.length() + limit; length++) {
            for (String v : correctable.getOrDefault(length, List.of())) {
                int d = Words.distance(token, v, limit);
                if (d < bestDistance || (d == bestDistance && d <= limit && v.compareTo(best) < 0)) {
                    bestDistance = d;
                    best = v;
                }
            }
        }
        return bestDistance <= limit ? best : token;
    }
}
