package dev.aisle.engine.generate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Grounded numbers: every rating and every measure with a unit that the answer states is spelled from a
 * value (and unit) written in this answer's evidence or question, and, while a sentence is about one
 * product ({@link ProductSubject}), from that product's values. A small model copies "8 mm" as "10 mm"
 * or rates a product with its neighbour's stars; a shopper must not read either.
 *
 * <p>Digits come before their unit, so the decision waits for the words after a number
 * ({@link NumberGrammar}): once a number is complete, the next word may be a unit only if the evidence
 * pairs that unit with that very number — writing "8" and then a unit that the evidence pairs with 10 is
 * refused at the unit, and the model must say something else ("8 options" or a different number). After
 * "rated" the digits themselves are limited to the evidence's ratings, since no word follows to decide.
 *
 * <p>Plain counts stay possible ("2 options", "top 3"): a number followed by no unit is free. Refusing
 * every number outside the evidence would also refuse "the 2 gloves", "3 reasons" and list numbering
 * that shoppers need, and it would not make measures any safer, since a measure is only a claim through
 * its unit — the unit is where the constraint acts. The price of that choice: a count followed by a word
 * that happens to be a unit spelling ("3 in this list": "in" is inches) is treated as a measure.
 *
 * <p>A token that stops exactly on a refused unit ("650 yd" where the evidence says 800 yd) is refused
 * too, although "650 ydx" would be no claim: otherwise the model's way out is a garbled word.
 *
 * <p>Known limit: the grammar reads each token's text, so a unit with a non-ASCII character ("g/m²", "°F")
 * can only be written where the vocabulary has that character in whole tokens; a byte piece of it reads as
 * U+FFFD and is refused inside a unit. Vocabularies trained on the catalogue (the shipped one) have them.
 *
 * <p>Masks are cached per (subject, state). In text without an open number only tokens with a digit can
 * be refused, so only those are simulated; inside a number or its tail every token is.
 */
public final class NumberConstraint implements DecodingConstraint {

    private record Key(Optional<String> subject, NumberGrammar.State state) {
    }

    private final MarkupConstraint.Vocabulary vocab;
    private final NumberGrammar grammar;
    private final GroundedValues values;
    private final ProductSubject subject;
    private final Map<Key, int[]> forbidden = new HashMap<>();
    private NumberGrammar.State state = NumberGrammar.START;
    private int violations;
    private int refusals;
    private boolean[] inert;

    /** @param subject the sentence's product, or null to allow every evidence value anywhere */
    public NumberConstraint(MarkupConstraint.Vocabulary vocab, NumberGrammar grammar, GroundedValues values,
                            ProductSubject subject) {
        this.vocab = vocab;
        this.grammar = grammar;
        this.values = values;
        this.subject = subject;
    }

    private Optional<String> subject() {
        return subject == null ? Optional.empty() : subject.current();
    }

    @Override
    public void mask(float[] logits) {
        Optional<String> s = subject();
        int[] ids = forbidden.computeIfAbsent(new Key(s, state), k -> forbiddenFrom(k.state(), values.judge(s)));
        if (ids.length == 0) {
            return;
        }
        int best = dev.aisle.engine.serving.sampling.Sampler.argMax(logits);
        for (int id : ids) {
            if (id < logits.length) {
                refusals += id == best ? 1 : 0;
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public void accept(int tokenId) {
        if (tokenId < 0 || tokenId >= vocab.size() || vocab.special(tokenId)) {
            state = NumberGrammar.START;
            return;
        }
        NumberGrammar.State next = grammar.run(state, vocab.text(tokenId), values.judge(subject()));
        if (next == null) {
            violations++;
            next = NumberGrammar.START;
        }
        state = next;
    }

    /** Where the automaton is now. */
    public NumberGrammar.State state() {
        return state;
    }

    /** Tokens accepted that the mask would have forbidden (0 when masks were applied). */
    public int violations() {
        return violations;
    }

    /** Steps at which the model's first choice was a claim the evidence does not state (and was taken away). */
    public int refusals() {
        return refusals;
    }

    /**
     * Tokens that end an open number without starting a unit: no digit, and a first character (after at most
     * one leading space) that no unit spelling, separator, dash, slash or tag starts with. After a number (or
     * after the spaces that follow it) they all fare alike, so one representative is simulated for all of them.
     */
    private boolean[] inert() {
        if (inert == null) {
            inert = new boolean[vocab.size()];
            for (int i = 0; i < inert.length; i++) {
                String t = vocab.text(i);
                // BPE tokens mostly start with a space: " word" after a number is decided by its first letter too.
                int first = !t.isEmpty() && Character.isWhitespace(t.charAt(0)) && t.charAt(0) != '\n' ? 1 : 0;
                inert[i] = !vocab.special(i) && t.length() > first && !vocab.hasDigit(i) && grammar.inertStart(t.charAt(first));
            }
        }
        return inert;
    }

    private int[] forbiddenFrom(NumberGrammar.State s, NumberGrammar.Judge judge) {
        boolean quiet = NumberGrammar.quiet(s);
        boolean canEnd = grammar.canEnd(s, judge);
        boolean[] inert = grammar.numberJustEnded(s) ? inert() : null;
        Boolean inertAllowed = null;
        int[] out = new int[16];
        int n = 0;
        for (int i = 0; i < vocab.size(); i++) {
            boolean allowed;
            if (vocab.special(i)) {
                allowed = canEnd;
            } else if (quiet && !vocab.hasDigit(i)) {
                allowed = true;
            } else if (inert != null && inert[i]) {
                if (inertAllowed == null) {
                    String t = vocab.text(i);
                    int first = Character.isWhitespace(t.charAt(0)) ? 1 : 0;
                    NumberGrammar.State after = grammar.run(s, t.substring(first, first + 1), judge);
                    inertAllowed = after != null && !grammar.dangling(after, judge);
                }
                allowed = inertAllowed;
            } else {
                NumberGrammar.State after = grammar.run(s, vocab.text(i), judge);
                allowed = after != null && !grammar.dangling(after, judge);
            }
            if (!allowed) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
