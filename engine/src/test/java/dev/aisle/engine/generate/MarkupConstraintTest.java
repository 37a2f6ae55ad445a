package dev.aisle.engine.generate;

import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.serving.sampling.Sampler;
import dev.aisle.engine.serving.sampling.SamplingParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class MarkupConstraintTest extends OnTinyVocabulary {

    static final Set<String> PRODUCTS = Set.of("B0X1", "B0X2", "B0X3");
    static final Set<String> LABELS = Set.of("E1", "E2");
    static final Pattern ELEMENT = Pattern.compile(
            "<product id=\"(B0X[123])\"/>|<compare ids=\"(B0X[123])(,B0X[123])+\"/>|<cite ref=\"(E[12])\"/>"
                    + "|<link to=\"(search:[^\"<>\\n]+|category:[^\"<>\\n]+|product:B0X[123])\">[^<]*</link>");

    /** Random logits that favour '<'-bearing tokens, so the walk keeps entering markup; the mask must hold. */
    @Test
    void randomSamplingUnderTheMaskOnlyProducesWellFormedMarkup() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        int end = fx.tokenizer.specialId(ChatTokens.END);
        String[] texts = fx.tokenizer.tokenTexts();
        int elements = 0;
        for (int run = 0; run < 20; run++) {
            MarkupConstraint c = new MarkupConstraint(vocab, PRODUCTS, LABELS);
            StringBuilder out = new StringBuilder();
            for (int step = 0; step < 150; step++) {
                float[] logits = new float[vocab.size()];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) r.nextGaussian() + (texts[i].contains("<") ? 2f : 0f);
                }
                logits[end] = -50f;
                c.mask(logits);
                int tok = new Sampler(new SamplingParams(1.0, 0, 1, r.nextLong())).next(logits);
                c.accept(tok);
                // Special tokens are free outside markup; they are ids, not text the markup parser sees.
                out.append(fx.tokenizer.specialTokens().containsValue(tok) ? " " : texts[tok]);
            }
            assertEquals(0, c.violations());
            String s = out.toString();
            // Strip complete elements; what remains may only contain '<' in the unfinished tail.
            Matcher m = ELEMENT.matcher(s);
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (m.find()) {
                rest.append(s, last, m.start());
                last = m.end();
                elements++;
            }
            String tail = s.substring(last);
            assertFalse(rest.toString().contains("<"), "malformed markup (seed " + seed + "): " + s);
            if (tail.contains("<")) {
                assertTrue(c.state().insideMarkup(), "an open '<' must mean we are inside markup (seed " + seed + ")");
            }
        }
        assertTrue(elements > 5, "the walk should have completed some elements, got " + elements + " (seed " + seed + ")");
    }

    @Test
    void insideMarkupTheEndTokenIsForbiddenAndOutsideItIsAllowed() {
        MarkupConstraint c = new MarkupConstraint(vocab, PRODUCTS, LABELS);
        int end = fx.tokenizer.specialId(ChatTokens.END);
        float[] logits = new float[vocab.size()];
        c.mask(logits);
        assertEquals(0f, logits[end]);
        for (int id : fx.tokenizer.encode("<product id=\"B0")) {
            c.accept(id);
        }
        assertTrue(c.state().insideMarkup());
        logits = new float[vocab.size()];
        c.mask(logits);
        assertEquals(Float.NEGATIVE_INFINITY, logits[end]);
        String[] texts = fx.tokenizer.tokenTexts();
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] == 0f) {
                assertTrue(texts[i].startsWith("X") || texts[i].equals("X1") || "X1X2X3\"".contains(texts[i]) || texts[i].startsWith("X"),
                        "unexpected allowed continuation " + texts[i]);
            }
        }
    }

    @Test
    void constrainedGenerationWithTheModelWritesOnlyWellFormedMarkup() {
        MarkupConstraint c = new MarkupConstraint(vocab, PRODUCTS, LABELS);
        String[] texts = fx.tokenizer.tokenTexts();
        int end = fx.tokenizer.specialId(ChatTokens.END);
        // The random model rarely opens markup by itself; push it towards '<' and away from the end token.
        DecodingConstraint pushed = new DecodingConstraint() {
            @Override
            public void mask(float[] logits) {
                for (int i = 0; i < logits.length; i++) {
                    if (texts[i].startsWith("<") && !fx.tokenizer.specialTokens().containsValue(i)) {
                        logits[i] += 4f;
                    }
                }
                logits[end] = Float.NEGATIVE_INFINITY;
                c.mask(logits);
            }

            @Override
            public void accept(int tokenId) {
                c.accept(tokenId);
            }
        };
        Generator g = new Generator(fx.backend, fx.tokenizer, Set.of(end));
        GenerationResult r = g.generate(new GenerationRequest(fx.tokenizer.encode("Try"), new SamplingParams(1.0, 0, 1, 9),
                60, List.of(), pushed));
        assertEquals(0, c.violations());
        String text = r.text().replaceAll("<\\|[a-z]+\\|>", " ");
        String rest = ELEMENT.matcher(text).replaceAll("");
        int open = rest.indexOf('<');
        assertTrue(open < 0 || c.state().insideMarkup(), "malformed markup in: " + r.text());
        assertTrue(text.contains("<"), "the push should have produced markup: " + r.text());
        assertTrue(r.timings().constraintMs() > 0);
    }
}
