package dev.aisle.engine.generate;

import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Constrained markup decoding: outside markup every token is allowed; once the model opens an element
 * ({@code <}), only tokens whose text keeps it well-formed remain, and id / ids / ref values can only spell
 * this answer's product ids and evidence labels. The state follows the chosen tokens through
 * {@link MarkupGrammar}; the mask for a state is computed once (simulating each token's text from it) and
 * cached for the rest of the request, so text outside markup costs one map lookup per token.
 */
public final class MarkupConstraint implements DecodingConstraint {

    /** Each token's text and whether it is a special token; built once per tokenizer and shared. */
    public static final class Vocabulary {
        private final String[] texts;
        private final boolean[] special;
        private final boolean[] hasOpen;
        private final boolean[] hasDigit;
        /** Ordinary non-empty tokens grouped by first character: inside markup few first characters are allowed. */
        private final Map<Character, int[]> byFirstChar;

        public Vocabulary(String[] texts, Set<Integer> specialIds) {
            this.texts = texts.clone();
            this.special = new boolean[texts.length];
            this.hasOpen = new boolean[texts.length];
            this.hasDigit = new boolean[texts.length];
            Map<Character, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < texts.length; i++) {
                special[i] = specialIds.contains(i);
                hasOpen[i] = texts[i].indexOf('<') >= 0;
                hasDigit[i] = texts[i].chars().anyMatch(Character::isDigit);
                if (!special[i] && !texts[i].isEmpty()) {
                    groups.computeIfAbsent(texts[i].charAt(0), k -> new ArrayList<>()).add(i);
                }
            }
            Map<Character, int[]> m = new HashMap<>();
            groups.forEach((c, ids) -> m.put(c, ids.stream().mapToInt(Integer::intValue).toArray()));
            this.byFirstChar = Map.copyOf(m);
        }

        public static Vocabulary of(ShopTokenizer tokenizer) {
            return new Vocabulary(tokenizer.tokenTexts(), Set.copyOf(tokenizer.specialTokens().values()));
        }

        public int size() {
            return texts.length;
        }

        public String text(int id) {
            return texts[id];
        }

        public boolean special(int id) {
            return special[id];
        }

        /** Whether the token's text has a '<': only such tokens can open an element. */
        public boolean hasOpen(int id) {
            return hasOpen[id];
        }

        /** Whether the token's text has a digit: only such tokens can write a number. */
        public boolean hasDigit(int id) {
            return hasDigit[id];
        }
    }

    private final Vocabulary vocab;
    private final MarkupGrammar grammar;
    private final Map<MarkupGrammar.State, boolean[]> masks = new HashMap<>();
    private MarkupGrammar.State state = MarkupGrammar.TEXT;
    private int violations;

    public MarkupConstraint(Vocabulary vocab, Set<String> productIds, Set<String> evidenceLabels) {
        this(vocab, productIds, evidenceLabels, List.of());
    }

    /** Also allowing the plugin elements {@code <TAG id="ID"/>} of {@code productIdTags}. */
    public MarkupConstraint(Vocabulary vocab, Set<String> productIds, Set<String> evidenceLabels,
                            List<String> productIdTags) {
        this.vocab = vocab;
        this.grammar = new MarkupGrammar(productIds, evidenceLabels, productIdTags);
    }

    @Override
    public void mask(float[] logits) {
        boolean[] allowed = masks.computeIfAbsent(state, this::allowedFrom);
        for (int i = 0; i < logits.length; i++) {
            if (i >= allowed.length || !allowed[i]) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public void accept(int tokenId) {
        if (tokenId < 0 || tokenId >= vocab.size()) {
            violations++;
            return;
        }
        if (vocab.special[tokenId]) {
            if (state.insideMarkup()) {
                violations++;
                state = MarkupGrammar.TEXT;
            }
            return;
        }
        MarkupGrammar.State next = grammar.run(state, vocab.texts[tokenId]);
        if (next == null) {
            // Only when the caller sampled without the mask; start over as plain text.
            violations++;
            next = MarkupGrammar.TEXT;
        }
        state = next;
    }

    /** Where the automaton is now. */
    public MarkupGrammar.State state() {
        return state;
    }

    /** Tokens accepted that the mask would have forbidden (0 when masks were applied). */
    public int violations() {
        return violations;
    }

    private boolean[] allowedFrom(MarkupGrammar.State s) {
        int n = vocab.size();
        boolean[] allowed = new boolean[n];
        if (!s.insideMarkup() || s instanceof MarkupGrammar.LinkText) {
            boolean outside = !s.insideMarkup();
            for (int i = 0; i < n; i++) {
                if (vocab.special[i] || vocab.texts[i].isEmpty()) {
                    allowed[i] = outside;
                } else {
                    allowed[i] = !vocab.hasOpen[i] || grammar.run(s, vocab.texts[i]) != null;
                }
            }
            return allowed;
        }
        // Inside an element: only tokens whose first character fits can fit at all.
        for (Map.Entry<Character, int[]> e : vocab.byFirstChar.entrySet()) {
            MarkupGrammar.State after = grammar.next(s, e.getKey());
            if (after == null) {
                continue;
            }
            for (int id : e.getValue()) {
                allowed[id] = grammar.run(after, vocab.texts[id].substring(1)) != null;
            }
        }
        return allowed;
    }
}
