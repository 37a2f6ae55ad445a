package dev.aisle.engine.generate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounded prices: after a {@code $} the model may only spell an amount this answer can justify — a
 * price written in its evidence, or an amount of money the shopper wrote ("under $50", "50 bucks"). A
 * small model copies digits badly; a shopper must never read a price that nothing in the evidence
 * states. With a {@link ProductSubject} the price is also bound to its product: in a sentence about one
 * product only that product's evidence prices (and the shopper's own amounts) may follow a {@code $}.
 * (Differences of evidence prices, "saves you $…", were allowed once: the model then wrote small
 * differences as prices.)
 *
 * <p>Like {@link MarkupConstraint}, the mask of each state (free text, or the digits spelled since the
 * {@code $}) is computed once per request by running every token's text through the automaton.
 */
public final class PriceConstraint implements DecodingConstraint {

    private static final Pattern EVIDENCE_PRICE = Pattern.compile("\\$(\\d+(?:\\.\\d\\d)?)");
    /** Money in a question: "$50", "50 dollars", "50 bucks", "under 50", "budget of 50". */
    private static final Pattern MONEY = Pattern.compile("(?i)\\$\\s?(\\d+(?:\\.\\d\\d)?)|(\\d+(?:\\.\\d\\d)?)\\s*(?:dollars?|bucks|usd)\\b"
            + "|\\b(?:under|below|less than|up to|max(?:imum)?|budget(?: of| is)?|cheaper than)\\s+(\\d+(?:\\.\\d\\d)?)\\b");
    /** Free text: no {@code $} pending. */
    private static final String FREE = "\u0000free";
    /** Just after a whole amount and a '.' or ',': a digit now would glue a second number on ("$2.00.95"). */
    private static final String AFTER_AMOUNT_DOT = "\u0000dot";

    /** One set of amounts with its prefixes and masks (one per subject when prices are bound to products). */
    private static final class Book {
        final Set<String> amounts;
        final Set<String> prefixes = new LinkedHashSet<>();
        final Map<String, boolean[]> masks = new HashMap<>();

        Book(Set<String> amounts) {
            this.amounts = Set.copyOf(amounts);
            for (String a : amounts) {
                for (int i = 0; i <= a.length(); i++) {
                    prefixes.add(a.substring(0, i));
                }
            }
        }
    }

    private final MarkupConstraint.Vocabulary vocab;
    private final Function<Optional<String>, Set<String>> amountsFor;
    private final ProductSubject subject;
    private final Map<Optional<String>, Book> books = new HashMap<>();
    private String state = FREE;

    /** Amounts as written after a {@code $}, such as {@code 45.99} or {@code 50}; none means no {@code $} at all. */
    public PriceConstraint(MarkupConstraint.Vocabulary vocab, Set<String> amounts) {
        this.vocab = vocab;
        Set<String> fixed = Set.copyOf(amounts);
        this.amountsFor = s -> fixed;
        this.subject = null;
    }

    /**
     * Prices bound to products: while a sentence is about one product ({@code subject}), only that product's
     * evidence prices and the question's money; otherwise every evidence price.
     */
    public PriceConstraint(MarkupConstraint.Vocabulary vocab, GroundedValues values, ProductSubject subject) {
        this.vocab = vocab;
        this.amountsFor = values::prices;
        this.subject = subject;
    }

    private Book book() {
        Optional<String> s = subject == null ? Optional.empty() : subject.current();
        return books.computeIfAbsent(s, k -> new Book(amountsFor.apply(k)));
    }

    /**
     * The amounts an answer may state: every {@code $} amount in the evidence texts, and every amount of
     * money in the question (as written and with cents).
     */
    public static Set<String> amounts(List<String> evidenceTexts, String question) {
        Set<String> out = new TreeSet<>();
        for (String text : evidenceTexts) {
            Matcher m = EVIDENCE_PRICE.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        Matcher m = MONEY.matcher(question == null ? "" : question);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    out.add(m.group(g));
                    out.add(cents(Double.parseDouble(m.group(g))));
                }
            }
        }
        return out;
    }

    private static String cents(double dollars) {
        return String.format(Locale.ROOT, "%.2f", dollars);
    }

    @Override
    public void mask(float[] logits) {
        Book b = book();
        boolean[] allowed = b.masks.computeIfAbsent(state, st -> allowedFrom(b, st));
        for (int i = 0; i < logits.length && i < allowed.length; i++) {
            if (!allowed[i]) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public void accept(int tokenId) {
        if (tokenId < 0 || tokenId >= vocab.size() || vocab.special(tokenId)) {
            state = FREE;
            return;
        }
        String next = run(book(), state, vocab.text(tokenId));
        state = next == null ? FREE : next;
    }

    /** The state after {@code text}, or null when the text would write an amount not allowed. */
    String run(String from, String text) {
        return run(book(), from, text);
    }

    private static String run(Book b, String from, String text) {
        String s = from;
        for (int i = 0; i < text.length() && s != null; i++) {
            s = step(b, s, text.charAt(i));
        }
        return s;
    }

    private static String step(Book b, String s, char c) {
        if (FREE.equals(s)) {
            return c != '$' ? FREE : b.amounts.isEmpty() ? null : "";
        }
        if (AFTER_AMOUNT_DOT.equals(s)) {
            return Character.isDigit(c) ? null : step(b, FREE, c);
        }
        String longer = s + c;
        if (b.prefixes.contains(longer)) {
            return longer;
        }
        // The amount ends at the first character that cannot extend it; it must be a whole amount by then
        // (a digit or a second '.' would write a different number).
        if (b.amounts.contains(s) && !Character.isDigit(c)) {
            return c == '.' || c == ',' ? AFTER_AMOUNT_DOT : step(b, FREE, c);
        }
        return null;
    }

    private boolean[] allowedFrom(Book b, String s) {
        boolean[] allowed = new boolean[vocab.size()];
        for (int i = 0; i < allowed.length; i++) {
            String text = vocab.text(i);
            boolean free = FREE.equals(s);
            allowed[i] = vocab.special(i) ? free || AFTER_AMOUNT_DOT.equals(s) || b.amounts.contains(s)
                    : free && text.indexOf('$') < 0 || run(b, s, text) != null;
        }
        return allowed;
    }
}
