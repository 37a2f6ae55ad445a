package dev.aisle.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The markup of DESIGN.md as a character automaton, for constrained decoding:
 * {@code <product id="ID"/>}, {@code <compare ids="ID,ID[,ID…]"/>}, {@code <cite ref="E3"/>} and
 * {@code <link to="search:Q"|"category:PATH"|"product:ID">text</link>}, plus plugin elements of the form
 * {@code <TAG id="ID"/>} when the caller names their tags. Ids and refs are limited to this
 * answer's evidence. Every state it can reach can still be completed to a well-formed element (elements whose
 * id set is empty are never offered), so a constrained model can always finish what it started.
 *
 * <p>States are immutable values (records with value equality), so masks can be cached per state.
 * {@link #next} returns {@code null} when the character would break the markup.
 */
public final class MarkupGrammar {

    /** A point in the automaton. */
    public sealed interface State permits Text, LinkText, Keyword, IdValue, IdList, FreeValue {

        /** Whether a markup element is open (end-of-answer and special tokens are then not allowed). */
        default boolean insideMarkup() {
            return true;
        }
    }

    /** Free text outside markup. */
    public record Text() implements State {
        @Override
        public boolean insideMarkup() {
            return false;
        }
    }

    /** Free text between {@code <link …>} and {@code </link>}. */
    public record LinkText() implements State {
    }

    /** Part-way through one of several fixed spellings; {@code alternatives} are the ones still possible. */
    public record Keyword(List<Alternative> alternatives, int matched) implements State {
    }

    /** A fixed spelling and the state after it. */
    public record Alternative(String spelling, State then) {
    }

    /** Which id set a value draws from and what follows its closing quote. */
    public enum IdKind { PRODUCT, CITE, LINK_PRODUCT }

    /** Typing one id (product id or evidence label). */
    public record IdValue(IdKind kind, String typed) implements State {
    }

    /** Typing a comma-separated list of distinct product ids (at least two). */
    public record IdList(List<String> chosen, String typed) implements State {
    }

    /** A link's search query or category path: anything but quote, angle brackets and newline. */
    public record FreeValue(boolean nonEmpty) implements State {
    }

    public static final State TEXT = new Text();
    private static final State LINK_TEXT = new LinkText();
    private static final State CLOSE_EMPTY = literal("/>", TEXT);
    private static final State CLOSE_LINK = literal("/link>", TEXT);
    private static final State OPEN_LINK_TEXT = literal(">", LINK_TEXT);

    private final NavigableSet<String> products;
    private final NavigableSet<String> labels;
    private final State tagOpen;

    public MarkupGrammar(Set<String> productIds, Set<String> evidenceLabels) {
        this(productIds, evidenceLabels, List.of());
    }

    /**
     * Also offering plugin elements that take exactly one product id, {@code <TAG id="ID"/>}
     * (see {@code MarkupExtensions.productIdTags()}); their ids are limited like a card's.
     */
    public MarkupGrammar(Set<String> productIds, Set<String> evidenceLabels, List<String> productIdTags) {
        this.products = clean(productIds, "product id");
        this.labels = clean(evidenceLabels, "evidence label");
        List<Alternative> tags = new ArrayList<>();
        if (!products.isEmpty()) {
            tags.add(new Alternative("product id=\"", new IdValue(IdKind.PRODUCT, "")));
        }
        if (products.size() >= 2) {
            tags.add(new Alternative("compare ids=\"", new IdList(List.of(), "")));
        }
        for (String tag : productIdTags) {
            if (!tag.matches("[a-z]+(-[a-z]+)*")) {
                throw new IllegalArgumentException("plugin tag \"" + tag + "\" cannot be offered by the markup grammar");
            }
            if (!products.isEmpty()) {
                tags.add(new Alternative(tag + " id=\"", new IdValue(IdKind.PRODUCT, "")));
            }
        }
        if (!labels.isEmpty()) {
            tags.add(new Alternative("cite ref=\"", new IdValue(IdKind.CITE, "")));
        }
        List<Alternative> targets = new ArrayList<>();
        targets.add(new Alternative("search:", new FreeValue(false)));
        targets.add(new Alternative("category:", new FreeValue(false)));
        if (!products.isEmpty()) {
            targets.add(new Alternative("product:", new IdValue(IdKind.LINK_PRODUCT, "")));
        }
        tags.add(new Alternative("link to=\"", new Keyword(List.copyOf(targets), 0)));
        this.tagOpen = new Keyword(List.copyOf(tags), 0);
    }

    private static NavigableSet<String> clean(Set<String> ids, String what) {
        NavigableSet<String> out = new TreeSet<>();
        for (String id : ids) {
            if (id.isEmpty() || id.chars().anyMatch(ch -> ch == '"' || ch == ',' || ch == '<' || ch == '>' || Character.isWhitespace(ch))) {
                throw new IllegalArgumentException(what + " \"" + id + "\" cannot appear in markup");
            }
            out.add(id);
        }
        return out;
    }

    private static State literal(String spelling, State then) {
        return new Keyword(List.of(new Alternative(spelling, then)), 0);
    }

    /** The state after {@code c}, or null if {@code c} would make the markup malformed. */
    public State next(State s, char c) {
        if (s instanceof Text) {
            return c == '<' ? tagOpen : s;
        }
        if (s instanceof LinkText) {
            return c == '<' ? CLOSE_LINK : s;
        }
        if (s instanceof Keyword k) {
            return keyword(k, c);
        }
        if (s instanceof IdValue v) {
            NavigableSet<String> set = v.kind() == IdKind.CITE ? labels : products;
            if (c == '"') {
                if (!set.contains(v.typed())) {
                    return null;
                }
                return v.kind() == IdKind.LINK_PRODUCT ? OPEN_LINK_TEXT : CLOSE_EMPTY;
            }
            String typed = v.typed() + c;
            return hasPrefix(set, typed, List.of()) ? new IdValue(v.kind(), typed) : null;
        }
        if (s instanceof IdList l) {
            boolean complete = products.contains(l.typed()) && !l.chosen().contains(l.typed());
            if (c == ',' || c == '"') {
                if (!complete) {
                    return null;
                }
                List<String> chosen = new ArrayList<>(l.chosen());
                chosen.add(l.typed());
                if (c == '"') {
                    return chosen.size() >= 2 ? CLOSE_EMPTY : null;
                }
                return hasPrefix(products, "", chosen) ? new IdList(List.copyOf(chosen), "") : null;
            }
            String typed = l.typed() + c;
            return hasPrefix(products, typed, l.chosen()) ? new IdList(l.chosen(), typed) : null;
        }
        FreeValue f = (FreeValue) s;
        if (c == '"') {
            return f.nonEmpty() ? OPEN_LINK_TEXT : null;
        }
        if (c == '<' || c == '>' || c == '\n' || c == '\r') {
            return null;
        }
        return f.nonEmpty() ? f : new FreeValue(true);
    }

    /** Runs {@code text} from {@code s}; null if any character is not allowed. */
    public State run(State s, String text) {
        State cur = s;
        for (int i = 0; i < text.length() && cur != null; i++) {
            cur = next(cur, text.charAt(i));
        }
        return cur;
    }

    private static State keyword(Keyword k, char c) {
        List<Alternative> left = new ArrayList<>(k.alternatives().size());
        for (Alternative a : k.alternatives()) {
            if (a.spelling().length() > k.matched() && a.spelling().charAt(k.matched()) == c) {
                left.add(a);
            }
        }
        if (left.isEmpty()) {
            return null;
        }
        int matched = k.matched() + 1;
        if (left.size() == 1 && left.get(0).spelling().length() == matched) {
            return left.get(0).then();
        }
        return new Keyword(List.copyOf(left), matched);
    }

    private static boolean hasPrefix(NavigableSet<String> set, String prefix, List<String> excluded) {
        for (String id : set.tailSet(prefix, true)) {
            if (!id.startsWith(prefix)) {
                return false;
            }
            if (!excluded.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
