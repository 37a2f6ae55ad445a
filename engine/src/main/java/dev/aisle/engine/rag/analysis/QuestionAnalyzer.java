package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.judgments.Intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a shopper's question: corrects typos against the catalogue lexicon, pulls out price, age
 * and size constraints with patterns for the ways people write them, matches categories, brands,
 * attributes and product names, resolves references to earlier turns, and decides the intent.
 * Thread-safe; one instance per catalogue.
 */
public final class QuestionAnalyzer {

    private static final String NUM = "(\\d+(?:\\.\\d+)?|" + String.join("|", NumberWords.WORDS) + ")";
    private static final String MONEY = "\\$?\\s?(\\d+(?:[.,]\\d+)?)(?!\\d)(k\\b)?";
    private static final String CURRENCY = "(?:\\s?(?:dollars?|bucks|usd|\\$))";
    private static final String UNIT_AHEAD = "(?!\\s?(?:mm|cm|m|kg|g|lbs?|oz|in|inch|inches|ft|feet|mph|w|watts?|mah|hours?|hrs?|min|minutes?|pieces?|pcs|years?|yrs?|months?|yo|%|percent|\\+))";

    private static final Pattern AGE_RANGE = Pattern.compile(
            "\\b(?:ages?|aged|for)\\s+" + NUM + "\\s?(?:-|to|through)\\s?" + NUM + "(?:\\s?(?:years?|yrs?|y/?o))?");
    private static final Pattern AGE_PLUS = Pattern.compile("\\b(?:ages?\\s+)?" + NUM + "\\s?(?:\\+|and up|and older|or older)(?:\\s?(?:years?|yrs?))?");
    private static final Pattern AGE_EXACT = Pattern.compile(
            "\\b" + NUM + "[\\s-]?(?:yo\\b|y/o|y\\.o\\.?|years?[\\s-]?olds?|yrs?[\\s-]?olds?|year\\b|years\\b)");
    private static final Pattern AGE_TURNING = Pattern.compile("\\b(?:turning|turns|aged?)\\s+" + NUM + "\\b");
    private static final Map<Pattern, AgeRange> AGE_WORDS = new LinkedHashMap<>();

    static {
        AGE_WORDS.put(Pattern.compile("\\b(?:newborns?|babies|baby|infants?)\\b"), new AgeRange(0, 1));
        AGE_WORDS.put(Pattern.compile("\\btoddlers?\\b"), new AgeRange(1, 3));
        AGE_WORDS.put(Pattern.compile("\\bpre-?schoolers?\\b"), new AgeRange(3, 5));
        AGE_WORDS.put(Pattern.compile("\\b(?:teens?|teenagers?)\\b"), new AgeRange(13, 17));
    }

    private static final Pattern PRICE_BETWEEN = Pattern.compile(
            "(?:between\\s+|from\\s+)?" + MONEY + CURRENCY + "?\\s?(?:-|to|and)\\s?" + MONEY + CURRENCY + "?");
    private static final Pattern PRICE_MAX = Pattern.compile(
            "\\b(?:under|below|less than|cheaper than|max(?:imum)?|up to|no more than|not more than|at most|within|for less than|budget(?: of| is)?|<)\\s*(?:a\\s+)?"
                    + MONEY + "(" + CURRENCY + ")?" + UNIT_AHEAD);
    private static final Pattern PRICE_MIN = Pattern.compile(
            "\\b(?:over|above|more than|at least|starting at|>)\\s*" + MONEY + "(" + CURRENCY + ")?" + UNIT_AHEAD);
    private static final Pattern PRICE_AROUND = Pattern.compile(
            "\\b(?:around|about|roughly|approximately|~)\\s*" + MONEY + "(" + CURRENCY + ")?" + UNIT_AHEAD);
    private static final Pattern PRICE_BARE = Pattern.compile("(?:\\$\\s?(\\d+(?:\\.\\d+)?)(k)?|\\b(\\d+(?:\\.\\d+)?)(k)?\\s?(?:dollars?|bucks|usd)\\b)");

    private static final Pattern SIZE = Pattern.compile(
            "\\bsize\\s+(\\d{1,2}(?:\\.5)?(?:\\s?(?:wide|w))?|xxs|xs|s|m|l|xl|xxl|xxxl|small|medium|large|x-large|xx-large|extra large|extra small|one size)\\b"
                    + "|\\b(?:in (?:a )?)(xxs|xs|xl|xxl|small|medium|large|x-large)\\b|\\b(xxs|xs|xl|xxl)\\b");
    private static final Pattern PRODUCT_ID = Pattern.compile("\\bb0[a-z0-9]{8}\\b");

    private static final Pattern COMPARATIVE = Pattern.compile(
            "\\b(?:lighter|heavier|cheaper|pricier|more expensive|less expensive|warmer|cooler|better|worse|bigger|"
                    + "smaller|longer|shorter|softer|stiffer|wider|narrower|faster|quieter|louder|stronger|higher|lower|"
                    + "more durable|more comfortable|more|less)\\b");
    private static final Pattern ORDINAL = Pattern.compile(
            "\\b(?:(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)(?:\\s+(?:one|option|pick|product|pair|model))?"
                    + "|(?:#|number |option |no\\. ?)([1-5]))\\b");
    private static final Pattern PLURAL_REF = Pattern.compile("\\b(?:both|them|they|these|those|either|all three|all of them|the two)\\b");
    private static final Pattern SINGULAR_REF = Pattern.compile(
            "\\b(?:it|its|it's|this one|that one|the one|this|that|the other one|the other)\\b");

    private final CatalogueLexicon lexicon;
    private final IntentReader intents;

    public QuestionAnalyzer(CatalogueLexicon lexicon) {
        this.lexicon = lexicon;
        this.intents = new IntentReader(lexicon);
    }

    public CatalogueLexicon lexicon() {
        return lexicon;
    }

    public QuestionAnalysis analyze(String question, ConversationContext context) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        String norm = Words.normalise(question);
        List<String> corrections = new ArrayList<>();
        String text = correctTypos(norm, corrections);

        StringBuilder rest = new StringBuilder(text);
        Optional<AgeRange> age = age(rest);
        Optional<PriceRange> price = price(rest);
        Optional<String> size = size(rest);

        List<String> tokens = new ArrayList<>();
        for (String t : Words.tokens(rest.toString())) {
            tokens.add(Words.singular(t));
        }
        List<String> categories = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Integer> learned = new HashMap<>();
        matchPhrases(tokens, categories, learned, brands, attributes);
        CategoryScope.narrow(categories, lexicon);

        List<String> named = namedProducts(text);
        Resolution ref = resolve(text, named, context);
        List<String> referenced = new ArrayList<>(new LinkedHashSet<>(concat(named, ref.products)));
        if (categories.isEmpty() && ref.followUp && referenced.isEmpty()) {
            // "any cheaper ones?" keeps talking about what the last turn was about.
            categories.addAll(context.lastCategories());
        }

        Constraints constraints = new Constraints(price, age, size, categories, attributes, brands, named);
        Intent intent = intents.read(text, norm, referenced, named, ref.followUp,
                ref.followUp && ref.comparative);
        List<AttributeWish> wishes = lexicon.wishPhrases().read(text, categories);
        Map<String, Integer> shopperCategories = new HashMap<>(learned);
        shopperCategories.keySet().retainAll(categories);
        return new QuestionAnalysis(question, text, intent, constraints, referenced, ref.followUp, corrections, wishes,
                shopperCategories);
    }

    private String correctTypos(String norm, List<String> corrections) {
        Matcher m = Pattern.compile("[a-z]+").matcher(norm);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String c = lexicon.correct(w);
            if (!c.equals(w)) {
                corrections.add(w + "\u2192" + c);
            }
            m.appendReplacement(sb, c);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Optional<AgeRange> age(StringBuilder text) {
        Matcher m = AGE_RANGE.matcher(text);
        if (m.find()) {
            int lo = NumberWords.parse(m.group(1));
            int hi = NumberWords.parse(m.group(2));
            if (lo <= hi && hi < AgeRange.OPEN) {
                blank(text, m);
                return Optional.of(new AgeRange(lo, hi));
            }
        }
        m = AGE_EXACT.matcher(text);
        if (m.find()) {
            int a = NumberWords.parse(m.group(1));
            if (a < AgeRange.OPEN) {
                blank(text, m);
                return Optional.of(AgeRange.exactly(a));
            }
        }
        m = AGE_PLUS.matcher(text);
        if (m.find() && !text.substring(Math.max(0, m.start() - 1), m.start()).equals("$")) {
            int a = NumberWords.parse(m.group(1));
            if (a < 19) {
                blank(text, m);
                return Optional.of(new AgeRange(a, AgeRange.OPEN));
            }
        }
        m = AGE_TURNING.matcher(text);
        if (m.find()) {
            int a = NumberWords.parse(m.group(1));
            if (a < 19) {
                blank(text, m);
                return Optional.of(AgeRange.exactly(a));
            }
        }
        for (Map.Entry<Pattern, AgeRange> e : AGE_WORDS.entrySet()) {
            if (e.getKey().matcher(text).find()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<PriceRange> price(StringBuilder text) {
        Matcher m = PRICE_BETWEEN.matcher(text);
        while (m.find()) {
            String whole = m.group();
            boolean money = whole.contains("$") || whole.matches(".*(dollar|buck|usd).*") || whole.startsWith("between");
            if (money) {
                double lo = money(m.group(1), m.group(2));
                double hi = money(m.group(3), m.group(4));
                if (lo <= hi) {
                    blank(text, m);
                    return Optional.of(new PriceRange(lo, hi));
                }
            }
        }
        m = PRICE_MAX.matcher(text);
        if (m.find()) {
            double max = money(m.group(1), m.group(2));
            blank(text, m);
            Matcher floor = PRICE_MIN.matcher(text);
            if (floor.find()) {
                double min = money(floor.group(1), floor.group(2));
                blank(text, floor);
                if (min <= max) {
                    return Optional.of(new PriceRange(min, max));
                }
            }
            return Optional.of(PriceRange.atMost(max));
        }
        m = PRICE_MIN.matcher(text);
        if (m.find()) {
            double min = money(m.group(1), m.group(2));
            blank(text, m);
            return Optional.of(PriceRange.atLeast(min));
        }
        m = PRICE_AROUND.matcher(text);
        if (m.find() && (m.group(3) != null || m.group().contains("$"))) {
            double v = money(m.group(1), m.group(2));
            blank(text, m);
            return Optional.of(new PriceRange(Math.floor(v * 0.8), Math.ceil(v * 1.2)));
        }
        m = PRICE_BARE.matcher(text);
        if (m.find()) {
            double v = m.group(1) != null ? money(m.group(1), m.group(2)) : money(m.group(3), m.group(4));
            blank(text, m);
            // "a $50 gift": a budget, so treat it as a cap.
            return Optional.of(PriceRange.atMost(v));
        }
        return Optional.empty();
    }

    private static double money(String number, String thousands) {
        double v = Double.parseDouble(number.replace(",", ""));
        return thousands != null ? v * 1000 : v;
    }

    private static Optional<String> size(StringBuilder text) {
        Matcher m = SIZE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String s = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        blank(text, m);
        return Optional.of(switch (s) {
            case "s", "small", "extra small" -> s.equals("extra small") ? "XS" : "S";
            case "m", "medium" -> "M";
            case "l", "large" -> "L";
            case "x-large", "extra large" -> "XL";
            case "xx-large" -> "XXL";
            default -> s.matches("[a-z]+") ? s.toUpperCase(java.util.Locale.ROOT) : s.replace(" wide", "W").replace(" w", "W");
        });
    }

    /** Replaces a matched span with spaces so later patterns and the phrase matcher do not see it again. */
    private static void blank(StringBuilder text, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) {
            text.setCharAt(i, ' ');
        }
    }

    /**
     * Longest phrases first, so "trail running shoes" wins over "shoes". Learned shopper phrases come
     * after the catalogue's own names and win only when they contain one whole ("off road running
     * shoes" over "road running shoes"), never when they merely overlap one. {@code learnedCategories}
     * receives the categories that only a learned phrase named, with the phrase's training support.
     */
    private void matchPhrases(List<String> tokens, List<String> categories, Map<String, Integer> learnedCategories, List<String> brands,
                              Map<String, String> attributes) {
        boolean[] used = new boolean[tokens.size()];
        List<int[]> ownSpans = new ArrayList<>();
        List<String> ownNames = new ArrayList<>();
        for (int len = Math.min(lexicon.maxPhraseLength(), tokens.size()); len >= 1; len--) {
            for (int i = 0; i + len <= tokens.size(); i++) {
                if (anyUsed(used, i, len)) {
                    continue;
                }
                String c = lexicon.category(String.join(" ", tokens.subList(i, i + len)));
                if (c != null) {
                    ownSpans.add(new int[]{i, i + len, lexicon.categoryDepth(String.join(" ", tokens.subList(i, i + len)))});
                    ownNames.add(c);
                    mark(used, i, len);
                }
            }
        }
        boolean[] learnedUsed = new boolean[tokens.size()];
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int len = Math.min(4, tokens.size()); len >= 1; len--) {
            for (int i = 0; i + len <= tokens.size(); i++) {
                if (anyUsed(learnedUsed, i, len)) {
                    continue;
                }
                String c = lexicon.learnedCategory(String.join(" ", tokens.subList(i, i + len)));
                if (c == null) {
                    continue;
                }
                int from = i;
                int to = i + len;
                boolean partial = ownSpans.stream().anyMatch(o -> o[0] < to && from < o[1] && !(from <= o[0] && o[1] <= to));
                boolean inside = ownSpans.stream().anyMatch(o -> o[0] <= from && to <= o[1]);
                // The catalogue's own shelf name ("golf shoes") outweighs a shopper phrase elsewhere in the question.
                boolean elsewhere = false;
                for (int k = 0; k < ownSpans.size(); k++) {
                    int[] o = ownSpans.get(k);
                    elsewhere |= !(from <= o[0] && o[1] <= to) && lexicon.isLeaf(ownNames.get(k));
                }
                if (partial || inside || elsewhere) {
                    continue;
                }
                boolean extendsOwnName = false;
                for (int k = ownSpans.size() - 1; k >= 0; k--) {
                    if (from <= ownSpans.get(k)[0] && ownSpans.get(k)[1] <= to) {
                        ownSpans.remove(k);
                        ownNames.remove(k);
                        extendsOwnName = true;
                    }
                }
                spans.add(new int[]{from, to, lexicon.categoryDepth(Words.key(c))});
                names.add(c);
                if (!extendsOwnName) {
                    // A phrase around a catalogue name ("off road running shoes") is a refinement of it, not a guess.
                    learnedCategories.merge(c, lexicon.learnedSupport(String.join(" ", tokens.subList(i, i + len))), Math::max);
                }
                mark(learnedUsed, i, len);
                mark(used, i, len);
            }
        }
        spans.addAll(ownSpans);
        names.addAll(ownNames);
        // A shelf the catalogue's own words name as well is not the shopper phrase's guess alone.
        learnedCategories.keySet().removeAll(ownNames);
        // Most specific (deepest) category first.
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(spans.get(y)[2], spans.get(x)[2]));
        for (int i : order) {
            if (!categories.contains(names.get(i))) {
                categories.add(names.get(i));
            }
        }
        for (int len = Math.min(lexicon.maxPhraseLength(), tokens.size()); len >= 1; len--) {
            for (int i = 0; i + len <= tokens.size(); i++) {
                if (anyUsed(used, i, len)) {
                    continue;
                }
                String key = String.join(" ", tokens.subList(i, i + len));
                boolean hit = false;
                String b = lexicon.brand(key);
                if (b != null && !brands.contains(b)) {
                    brands.add(b);
                    hit = true;
                }
                CatalogueLexicon.AttributeValue v = lexicon.attributeValue(key);
                if (v != null && !attributes.containsKey(v.attribute())) {
                    attributes.put(v.attribute(), v.value());
                    hit = true;
                }
                String a = lexicon.attributeName(key);
                if (a != null && !attributes.containsKey(a)) {
                    attributes.put(a, lexicon.isBooleanAttribute(a) ? "yes" : "");
                    hit = true;
                }
                if (hit) {
                    mark(used, i, len);
                }
            }
        }
    }

    static void mark(boolean[] used, int from, int len) {
        for (int j = from; j < from + len; j++) {
            used[j] = true;
        }
    }

    static boolean anyUsed(boolean[] used, int from, int len) {
        for (int j = from; j < from + len; j++) {
            if (used[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Products named by id or by name ("the Stridewell Trailblazer 3", "trailblazer pro"), every one of
     * them, in question order: "X vs Y" is about both.
     */
    private List<String> namedProducts(String text) {
        List<String> out = new ArrayList<>();
        Matcher id = PRODUCT_ID.matcher(text);
        while (id.find()) {
            String pid = id.group().toUpperCase(java.util.Locale.ROOT);
            if (lexicon.isProductId(pid) && !out.contains(pid)) {
                out.add(pid);
            }
        }
        List<String> words = Words.tokens(text).stream().map(Words::singular).toList();
        for (ProductNames.Mention m : lexicon.productNames().find(words)) {
            if (!out.contains(m.productId())) {
                out.add(m.productId());
            }
        }
        return out;
    }

    private record Resolution(List<String> products, boolean followUp, boolean comparative) {
    }

    private static Resolution resolve(String text, List<String> named, ConversationContext context) {
        List<String> last = context.lastProducts();
        boolean comparative = COMPARATIVE.matcher(text).find();
        if (last.isEmpty()) {
            return new Resolution(List.of(), false, comparative);
        }
        List<String> picked = new ArrayList<>();
        Matcher m = ORDINAL.matcher(text);
        while (m.find()) {
            int index = m.group(1) != null ? ordinal(m.group(1), last.size()) : Integer.parseInt(m.group(2)) - 1;
            if (index >= 0 && index < last.size() && !picked.contains(last.get(index))) {
                picked.add(last.get(index));
            }
        }
        if (picked.isEmpty() && named.isEmpty()) {
            if (PLURAL_REF.matcher(text).find()) {
                picked.addAll(last.subList(0, Math.min(3, last.size())));
            } else if (SINGULAR_REF.matcher(text).find()) {
                picked.add(last.get(0));
            }
        }
        if (picked.isEmpty()) {
            boolean shortFollowUp = named.isEmpty() && Words.tokens(text).size() <= 6 && comparative;
            return new Resolution(List.of(), shortFollowUp, comparative);
        }
        if (comparative && picked.size() == 1 && last.size() > 1) {
            // "is the second one lighter?" compares it with the rest of what was shown.
            for (String p : last) {
                if (!picked.contains(p)) {
                    picked.add(p);
                    break;
                }
            }
        }
        return new Resolution(picked, true, comparative);
    }

    private static int ordinal(String word, int count) {
        return switch (word) {
            case "first", "1st" -> 0;
            case "second", "2nd" -> 1;
            case "third", "3rd" -> 2;
            case "fourth", "4th" -> 3;
            case "fifth", "5th" -> 4;
            case "last" -> count - 1;
            default -> -1;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
