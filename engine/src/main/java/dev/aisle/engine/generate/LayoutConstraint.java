package dev.aisle.engine.generate;

import dev.aisle.engine.serving.sampling.Sampler;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intent-aware answer layout: the answer may not end before it has what its intent needs — a comparison
 * its {@code <compare>} element (or two product cards), a recommendation or a detail answer a product card,
 * advice some words of explanation, a store-service answer a word about price, stock or delivery. The
 * small model often stops after one sentence of the wrong template; refusing the end token alone would
 * only make it ramble, so for the elements the constraint also starts the element itself: when the model's
 * first choice is to end (or the token budget is nearly spent) and the answer still lacks its element,
 * only the element's opening ({@code <product id="}, {@code <compare ids="}) may be written, and the
 * markup constraint then lets the model pick which of its allowed products to show. A store answer is
 * made to start "The price is $" the same way (the price constraint then picks an evidence amount). Which products those
 * are (a recommendation's cards only for products that meet the question's limits, a detail answer's only
 * for the product asked about) is the markup constraint's product set, chosen by the caller.
 *
 * <p>The opening is only forced in plain text (never inside another element), and if another constraint
 * has already ruled out every token the opening needs, the mask is left as it was rather than leave
 * nothing to sample. Once the answer has what it needs, its last {@link #TAIL_TOKENS} tokens may open no
 * element, so the token budget does not cut one in half.
 */
public final class LayoutConstraint implements DecodingConstraint {

    /** What the answer must contain before it may end. */
    public enum Need {
        /** Nothing (no intent, or the evidence cannot provide it). */
        NONE,
        /** A compare element or product cards of two distinct products. */
        COMPARE,
        /** A product card. */
        PRODUCT,
        /** At least {@link #ADVICE_WORDS} words of plain text. */
        WORDS,
        /** A mention of price, stock or delivery. */
        SERVICE
    }

    /** Fewest words of an advice answer (the evaluations' intent fit asks for as many). */
    public static final int ADVICE_WORDS = 15;
    /** What a store answer is made to say when it would otherwise end (or run out) without a store word. */
    public static final String SERVICE_OPENING = "The price is $";
    /** Tokens a compare element of two ids takes with room to spare; a product card or a cite takes fewer. */
    public static final int TAIL_TOKENS = 28;
    private static final Pattern SERVICE_WORDS = Pattern.compile(
            "(?i)\\$\\s?\\d|\\bprice[sd]?\\b|\\bin stock\\b|\\bout of stock\\b|\\bstock\\b|\\bavailab(le|ility)\\b"
                    + "|\\bdeliver(y|ed|s)?\\b|\\bship(s|ping|ped)?\\b|\\barriv(e|es|al)\\b|\\bpick ?up\\b");
    private static final Pattern ELEMENT = Pattern.compile("^<(product|compare)\\s+ids?=\"([^\"]*)\"\\s*/>$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,]\\p{N}+)*");

    private final MarkupConstraint.Vocabulary vocab;
    private final Need need;
    private final MarkupConstraint markup;
    private final int budget;
    private final String opening;
    private final int reserve;
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder tag = new StringBuilder();
    private final Set<String> shown = new LinkedHashSet<>();
    private boolean inTag;
    private boolean satisfied;
    private boolean compared;
    /** The part of the opening still to write while forcing, else null. */
    private String forcing;
    private int generated;
    private int forcedAt = -1;
    private int endsRefused;
    private int[] specials;
    private int tailSteps;

    /**
     * @param markup the answer's markup constraint (the opening is forced only where it is in plain text)
     * @param budget the answer's token budget: the opening is forced once fewer tokens than it needs are left
     */
    public LayoutConstraint(MarkupConstraint.Vocabulary vocab, Need need, MarkupConstraint markup, int budget) {
        this.vocab = vocab;
        this.need = need;
        this.markup = markup;
        this.budget = budget;
        this.opening = switch (need) {
            case COMPARE -> "<compare ids=\"";
            case PRODUCT -> "<product id=\"";
            // A store answer that has not said a word about price, stock or delivery by its end: the price is
            // always in a store answer's evidence, and after "$" the price constraint spells an evidence amount.
            case SERVICE -> SERVICE_OPENING;
            default -> null;
        };
        this.reserve = need == Need.COMPARE ? 28 : 16;
        this.satisfied = need == Need.NONE;
    }

    public Need need() {
        return need;
    }

    /** Whether the answer so far has what its intent needs. */
    public boolean satisfied() {
        return satisfied;
    }

    /** The token index at which the element's opening was forced, or -1. */
    public int forcedAt() {
        return forcedAt;
    }

    /** Steps at which the model chose to end before the answer had its element or words. */
    public int endsRefused() {
        return endsRefused;
    }

    @Override
    public void mask(float[] logits) {
        if (satisfied) {
            closeTheTail(logits);
            return;
        }
        int best = Sampler.argMax(logits);
        boolean wantsEnd = best < vocab.size() && vocab.special(best) && logits[best] != Float.NEGATIVE_INFINITY;
        if (wantsEnd) {
            endsRefused++;
        }
        boolean inText = markup == null || markup.state().equals(MarkupGrammar.TEXT);
        if (forcing == null && opening != null && inText && !inTag && (wantsEnd || generated >= budget - reserve)) {
            forcing = Character.isWhitespace(lastChar()) || plain.length() == 0 ? opening : " " + opening;
            forcedAt = generated;
        }
        if (forcing == null) {
            for (int id : specials()) {
                if (id < logits.length) {
                    logits[id] = Float.NEGATIVE_INFINITY;
                }
            }
            return;
        }
        float[] before = logits.clone();
        boolean any = false;
        for (int i = 0; i < logits.length && i < vocab.size(); i++) {
            boolean allowed = !vocab.special(i) && (forcing == null || fits(vocab.text(i)));
            if (!allowed) {
                logits[i] = Float.NEGATIVE_INFINITY;
            } else if (logits[i] != Float.NEGATIVE_INFINITY) {
                any = true;
            }
        }
        if (!any) {
            // Another constraint forbids the opening here: leave its mask (end still refused) and try later.
            System.arraycopy(before, 0, logits, 0, logits.length);
            for (int i = 0; i < logits.length && i < vocab.size(); i++) {
                if (vocab.special(i)) {
                    logits[i] = Float.NEGATIVE_INFINITY;
                }
            }
            forcing = null;
        }
    }

    /**
     * Once the answer has what it needs, no element may be opened in its last {@link #TAIL_TOKENS} tokens: an
     * element the budget cuts off mid-way ({@code <product id="B0M8}) is broken markup, while the answer
     * already has its card. Never leaves nothing to sample.
     */
    private void closeTheTail(float[] logits) {
        boolean inText = markup == null || markup.state().equals(MarkupGrammar.TEXT);
        if (generated < budget - TAIL_TOKENS || !inText || inTag) {
            return;
        }
        boolean otherChoice = false;
        for (int i = 0; i < logits.length && !otherChoice; i++) {
            otherChoice = logits[i] != Float.NEGATIVE_INFINITY && !opensElement(i);
        }
        if (!otherChoice) {
            return;
        }
        for (int i = 0; i < logits.length; i++) {
            if (opensElement(i)) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
        tailSteps++;
    }

    private boolean opensElement(int id) {
        return id < vocab.size() && vocab.hasOpen(id) && !vocab.special(id);
    }

    /** Steps in the answer's tail at which opening an element was ruled out. */
    public int tailSteps() {
        return tailSteps;
    }

    private int[] specials() {
        if (specials == null) {
            specials = java.util.stream.IntStream.range(0, vocab.size()).filter(vocab::special).toArray();
        }
        return specials;
    }

    private boolean fits(String text) {
        return !text.isEmpty() && (forcing.startsWith(text) || text.startsWith(forcing));
    }

    private char lastChar() {
        return plain.length() == 0 ? ' ' : plain.charAt(plain.length() - 1);
    }

    @Override
    public void accept(int tokenId) {
        generated++;
        if (tokenId < 0 || tokenId >= vocab.size() || vocab.special(tokenId)) {
            return;
        }
        String text = vocab.text(tokenId);
        if (forcing != null) {
            forcing = forcing.startsWith(text) && forcing.length() > text.length() ? forcing.substring(text.length()) : null;
        }
        for (int i = 0; i < text.length(); i++) {
            read(text.charAt(i));
        }
        if (!satisfied) {
            satisfied = switch (need) {
                case NONE -> true;
                case COMPARE -> compared || shown.size() >= 2;
                case PRODUCT -> !shown.isEmpty();
                case WORDS -> words() >= ADVICE_WORDS;
                case SERVICE -> SERVICE_WORDS.matcher(plain).find();
            };
        }
    }

    private void read(char c) {
        if (inTag) {
            tag.append(c);
            if (c == '>') {
                inTag = false;
                Matcher m = ELEMENT.matcher(tag);
                if (m.find()) {
                    if (m.group(1).equals("compare")) {
                        compared = true;
                    } else {
                        shown.add(m.group(2));
                    }
                }
                plain.append(' ');
            }
        } else if (c == '<') {
            inTag = true;
            tag.setLength(0);
            tag.append(c);
        } else {
            plain.append(c);
        }
    }

    private int words() {
        Matcher m = WORD.matcher(plain);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
