package dev.aisle.engine.generate;

import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Measures what constrained decoding adds per generated token: the masks and state updates for a
 * realistic answer, with fresh constraints (and so cold mask caches) per answer, as in serving. Two
 * figures: the markup constraint alone on an answer with every element kind, and every constraint of a
 * default answer (product subject, markup, plain-text id guard, bound prices, grounded numbers, intent layout) on an answer
 * that states prices, ratings and measures.
 */
public final class ConstraintBench {

    /** A typical grounded answer. */
    public static final String ANSWER = "For cold mornings on the course, the <product id=\"B0GLV001\"/> keeps fingers warm"
            + " <cite ref=\"E2\"/> and grips well when wet <cite ref=\"E5\"/>. If you also need a layer, compare"
            + " <compare ids=\"B0GLV001,B0THR042,B0THR077\"/> or browse <link to=\"category:Sports/Golf/Apparel\">golf"
            + " apparel</link> and <link to=\"search:winter golf gloves\">more gloves</link>.";

    /**
     * A grounded answer full of numbers: every price, rating and measure is its product's own. Its units are
     * ASCII: the number grammar reads token texts, and a vocabulary that spells a character such as "²" in byte
     * pieces (a small or synthetic one) cannot write a unit made with it (see {@link NumberConstraint}).
     */
    public static final String NUMBERS_ANSWER = "<compare ids=\"B0GLV001,B0THR042\"/> The Frostbite Pro Golf Glove costs"
            + " $24.99 and is rated 4.5 out of 5 <cite ref=\"E1\"/>. It weighs 45 g and has a 2 mm fleece lining. By"
            + " comparison, the Thermal Layer 7 Base Layer is $59.95, rated 4.0, with an 8 cm cuff <cite ref=\"E2\"/>."
            + " Top 2 picks for 3 rounds a week: <product id=\"B0GLV001\"/>";

    static final List<EvidenceLine> EVIDENCE = List.of(
            new EvidenceLine("E1", "product", "B0GLV001", "Frostbite Pro Golf Glove. Golf > Golf Gloves. $24.99, 4.5 stars"
                    + " (31 reviews). weight 45 g. lining 2 mm. waterproof yes."),
            new EvidenceLine("E2", "product", "B0THR042", "Thermal Layer 7 Base Layer – merino wool, 230 g/m². Golf > Apparel."
                    + " $59.95, 4.0 stars (12 reviews). fabric weight 230 g/m². cuff 8 cm."),
            new EvidenceLine("E3", "review", "B0THR042", "5/5 stars: Warm. Wore it at 35 °F."));
    static final Map<String, String> TITLES = Map.of("B0GLV001", "Frostbite Pro Golf Glove",
            "B0THR042", "Thermal Layer 7 Base Layer – merino wool, 230 g/m²");

    /**
     * Mean microseconds of thread CPU time per token: overall and inside markup for the markup constraint alone,
     * and for every constraint of a default answer on {@link #NUMBERS_ANSWER}.
     */
    public record Overhead(double meanMicrosPerToken, double insideMarkupMicrosPerToken, int tokensPerAnswer,
                           int vocabSize, double allConstraintsMicrosPerToken, int numbersAnswerTokens) {
    }

    /** Thread CPU time, so the figure does not depend on what else the machine runs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Answers run before measuring, so the JIT has compiled the grammar (as in a long-running server). */
    private static final int WARM_UP = 200;

    private ConstraintBench() {
    }

    public static Overhead run(ShopTokenizer tokenizer, int answers) {
        MarkupConstraint.Vocabulary vocab = MarkupConstraint.Vocabulary.of(tokenizer);
        Set<String> products = Set.of("B0GLV001", "B0THR042", "B0THR077", "B0BAG310", "B0SHO555");
        Set<String> labels = Set.of("E1", "E2", "E3", "E4", "E5", "E6");
        int[] ids = tokenizer.encode(ANSWER);
        long[] markup = measure(vocab, ids, answers, () -> {
            MarkupConstraint c = new MarkupConstraint(vocab, products, labels);
            return new Stack(c, c);
        });
        NumberGrammar grammar = new NumberGrammar(MeasureUnits.of(List.of("g/m²", "°F")));
        int[] numberIds = tokenizer.encode(NUMBERS_ANSWER);
        ProductIdShape idShape = ProductIdShape.of(products).orElseThrow();
        // Room for the whole answer before the layout's closing tail (a byte-level tokenizer spells it long).
        int budget = Math.max(200, numberIds.length + 2 * LayoutConstraint.TAIL_TOKENS);
        long[] all = measure(vocab, numberIds, answers, () -> {
            ProductSubject subject = new ProductSubject(vocab, TITLES, Optional.empty());
            MarkupConstraint m = new MarkupConstraint(vocab, products, labels);
            GroundedValues values = GroundedValues.of(EVIDENCE, TITLES, "warm golf gloves", grammar);
            NumberConstraint numbers = new NumberConstraint(vocab, grammar, values, subject);
            return new Stack(m, DecodingConstraint.all(List.of(subject, m, new PlainIdGuard(vocab, idShape),
                    new PriceConstraint(vocab, values, subject), numbers,
                    new LayoutConstraint(vocab, LayoutConstraint.Need.PRODUCT, m, budget))), numbers);
        });
        return new Overhead(markup[0] / 1e3 / ((long) answers * ids.length), markup[2] == 0 ? 0 : markup[1] / 1e3 / markup[2],
                ids.length, vocab.size(), all[0] / 1e3 / ((long) answers * numberIds.length), numberIds.length);
    }

    /** The constraints of one answer, the markup one (for its state) and one whose violations must stay 0. */
    private record Stack(MarkupConstraint markup, DecodingConstraint all, Object checked) {
        Stack(MarkupConstraint markup, DecodingConstraint all) {
            this(markup, all, markup);
        }
    }

    /** Total thread-CPU nanos, nanos inside markup, and tokens inside markup over {@code answers} answers. */
    private static long[] measure(MarkupConstraint.Vocabulary vocab, int[] ids, int answers, Supplier<Stack> fresh) {
        float[] logits = new float[vocab.size()];
        long total = 0;
        long inside = 0;
        long insideCount = 0;
        for (int a = 0; a < answers + WARM_UP; a++) {
            boolean measure = a >= WARM_UP;
            Stack s = fresh.get();
            for (int id : ids) {
                // The model "wants" the sample's next token, so no constraint sees an end it would refuse.
                Arrays.fill(logits, 0f);
                logits[id] = 1f;
                boolean in = s.markup().state().insideMarkup();
                long t0 = CPU.getCurrentThreadCpuTime();
                s.all().mask(logits);
                s.all().accept(id);
                long dt = CPU.getCurrentThreadCpuTime() - t0;
                if (logits[id] == Float.NEGATIVE_INFINITY) {
                    throw new IllegalStateException("the sample answer was refused at token " + id + " ('" + vocab.text(id) + "')");
                }
                if (measure) {
                    total += dt;
                    if (in) {
                        inside += dt;
                        insideCount++;
                    }
                }
            }
            if (s.markup().violations() != 0 || s.checked() instanceof NumberConstraint n && n.violations() != 0) {
                throw new IllegalStateException("the sample answer broke a constraint at markup state " + s.markup().state());
            }
        }
        return new long[]{total, inside, insideCount};
    }
}
