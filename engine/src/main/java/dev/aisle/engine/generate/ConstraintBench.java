package dev.aisle.engine.generate;

import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.util.Set;

/**
 * Measures what constrained markup decoding adds per generated token: the mask and state update for a
 * realistic answer with every element kind, with a fresh constraint (and so a cold mask cache) per answer,
 * as in serving.
 */
public final class ConstraintBench {

    /** A typical grounded answer. */
    public static final String ANSWER = "For cold mornings on the course, the <product id=\"B0GLV001\"/> keeps fingers warm"
            + " <cite ref=\"E2\"/> and grips well when wet <cite ref=\"E5\"/>. If you also need a layer, compare"
            + " <compare ids=\"B0GLV001,B0THR042,B0THR077\"/> or browse <link to=\"category:Sports/Golf/Apparel\">golf"
            + " apparel</link> and <link to=\"search:winter golf gloves\">more gloves</link>.";

    /** Mean microseconds of thread CPU time per token: overall, and over tokens decoded inside markup. */
    public record Overhead(double meanMicrosPerToken, double insideMarkupMicrosPerToken, int tokensPerAnswer,
                           int vocabSize) {
    }

    /** Thread CPU time, so the figure does not depend on what else the machine runs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Answers run before measuring, so the JIT has compiled the grammar (as in a long-running server). */
    private static final int WARM_UP = 200;

    private ConstraintBench() {
    }

    public static Overhead run(ShopTokenizer tokenizer, int answers) {
        MarkupConstraint.Vocabulary vocab = MarkupConstraint.Vocabulary.of(tokenizer);
        int[] ids = tokenizer.encode(ANSWER);
        Set<String> products = Set.of("B0GLV001", "B0THR042", "B0THR077", "B0BAG310", "B0SHO555");
        Set<String> labels = Set.of("E1", "E2", "E3", "E4", "E5", "E6");
        float[] logits = new float[vocab.size()];
        long total = 0;
        long inside = 0;
        int insideCount = 0;
        for (int a = 0; a < answers + WARM_UP; a++) {
            boolean measure = a >= WARM_UP;
            MarkupConstraint c = new MarkupConstraint(vocab, products, labels);
            for (int id : ids) {
                boolean in = c.state().insideMarkup();
                long t0 = CPU.getCurrentThreadCpuTime();
                c.mask(logits);
                c.accept(id);
                long dt = CPU.getCurrentThreadCpuTime() - t0;
                if (measure) {
                    total += dt;
                    if (in) {
                        inside += dt;
                        insideCount++;
                    }
                }
            }
            if (c.violations() != 0) {
                throw new IllegalStateException("the sample answer broke the markup grammar at state " + c.state());
            }
        }
        return new Overhead(total / 1e3 / ((long) answers * ids.length), insideCount == 0 ? 0 : inside / 1e3 / insideCount,
                ids.length, vocab.size());
    }
}
