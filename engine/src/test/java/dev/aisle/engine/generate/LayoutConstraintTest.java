package dev.aisle.engine.generate;

import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.serving.sampling.Sampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LayoutConstraintTest extends OnTinyVocabulary {

    static int end;

    @BeforeAll
    static void readEnd() {
        end = fx.tokenizer.specialId(ChatTokens.END);
    }

    /** Greedy decoding of a "model" that wants to end at once, then writes random plain text. */
    private static String decode(LayoutConstraint.Need need, Set<String> products, long seed, int budget, List<String> ended) {
        MarkupConstraint markup = new MarkupConstraint(vocab, products, Set.of("E1", "E2"));
        LayoutConstraint layout = new LayoutConstraint(vocab, need, markup, budget);
        DecodingConstraint all = DecodingConstraint.all(List.of(markup, layout));
        Random r = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int step = 0; step < budget; step++) {
            float[] logits = new float[vocab.size()];
            for (int i = 0; i < logits.length; i++) {
                String t = vocab.text(i);
                // plain words are likely, markup a little less; the end token is always the first choice
                logits[i] = (float) r.nextGaussian() - (t.contains("<") ? 2f : 0f);
            }
            logits[end] = 10f;
            all.mask(logits);
            int tok = Sampler.argMax(logits);
            assertNotEquals(Float.NEGATIVE_INFINITY, logits[tok], "something must stay allowed");
            all.accept(tok);
            if (tok == end) {
                ended.add("step " + step);
                break;
            }
            out.append(vocab.text(tok));
        }
        assertEquals(0, markup.violations());
        return out.toString();
    }

    @Test
    void aRecommendationEndsOnlyAfterAProductCardWhichItIsMadeToWrite() {
        for (long seed = 0; seed < 5; seed++) {
            List<String> ended = new java.util.ArrayList<>();
            String text = decode(LayoutConstraint.Need.PRODUCT, Set.of("B0X1", "B0X2"), seed, 60, ended);
            assertTrue(text.matches("(?s).*<product id=\"B0X[12]\"/>.*"), "a card is written: " + text);
            assertFalse(ended.isEmpty(), "then the answer may end: " + text);
        }
    }

    @Test
    void aComparisonGetsItsCompareElement() {
        List<String> ended = new java.util.ArrayList<>();
        String text = decode(LayoutConstraint.Need.COMPARE, Set.of("B0X1", "B0X2", "B0X3"), 7, 80, ended);
        assertTrue(text.matches("(?s).*<compare ids=\"B0X\\d,B0X\\d(,B0X\\d)*\"/>.*"), text);
        assertFalse(ended.isEmpty(), text);
    }

    @Test
    void noElementIsOpenedInTheLastTokensSoTheBudgetCutsNoneInHalf() {
        int budget = 90;
        int tailSteps = 0;
        for (long seed = 0; seed < 4; seed++) {
            MarkupConstraint markup = new MarkupConstraint(vocab, Set.of("B0X1", "B0X2"), Set.of("E1"));
            LayoutConstraint layout = new LayoutConstraint(vocab, LayoutConstraint.Need.NONE, markup, budget);
            DecodingConstraint all = DecodingConstraint.all(List.of(markup, layout));
            Random r = new Random(seed);
            StringBuilder out = new StringBuilder();
            int openedBeforeTail = 0;
            for (int step = 0; step < budget; step++) {
                float[] logits = new float[vocab.size()];
                for (int i = 0; i < logits.length; i++) {
                    // a model that loves markup and never wants to end (special tokens would end it)
                    logits[i] = vocab.special(i) ? Float.NEGATIVE_INFINITY
                            : (float) r.nextGaussian() + (vocab.text(i).contains("<") ? 3f : 0f);
                }
                boolean inText = markup.state().equals(MarkupGrammar.TEXT);
                all.mask(logits);
                int tok = Sampler.argMax(logits);
                all.accept(tok);
                boolean opens = inText && vocab.text(tok).contains("<");
                if (step >= budget - LayoutConstraint.TAIL_TOKENS) {
                    assertFalse(opens, "step " + step + " opened an element in the tail: " + out + "|" + vocab.text(tok));
                } else if (opens) {
                    openedBeforeTail++;
                }
                out.append(vocab.text(tok));
            }
            assertTrue(openedBeforeTail > 0, "the model opened elements while it could: " + out);
            tailSteps += layout.tailSteps();
        }
        assertTrue(tailSteps > 0, "some tails were in plain text");
    }

    @Test
    void aStoreAnswerThatWouldEndWithoutAStoreWordIsMadeToGiveThePrice() {
        List<String> ended = new java.util.ArrayList<>();
        String text = decode(LayoutConstraint.Need.SERVICE, Set.of("B0X1"), 3, 60, ended);
        assertTrue(text.contains(LayoutConstraint.SERVICE_OPENING.substring(0, "The price".length())), text);
        assertFalse(ended.isEmpty(), "then it may end: " + text);
    }

    @Test
    void withoutANeedTheAnswerEndsWhenTheModelWants() {
        List<String> ended = new java.util.ArrayList<>();
        assertEquals("", decode(LayoutConstraint.Need.NONE, Set.of("B0X1"), 1, 20, ended));
        assertEquals(List.of("step 0"), ended);
    }

    @Test
    void adviceNeedsWordsAndAStoreAnswerAWordAboutStock() {
        LayoutConstraint advice = new LayoutConstraint(vocab, LayoutConstraint.Need.WORDS, null, 200);
        for (int id : fx.tokenizer.encode("Try warm gloves for golf, see the guide.")) {
            advice.accept(id);
        }
        assertFalse(advice.satisfied(), "8 words are not advice yet");
        float[] logits = new float[vocab.size()];
        advice.mask(logits);
        assertEquals(Float.NEGATIVE_INFINITY, logits[end], "so the end is refused");
        assertEquals(1, advice.endsRefused(), "the model's first choice (token 0, PAD, a special token) was to end");
        for (int id : fx.tokenizer.encode(" Gloves for golf keep you warm and grip well in the rain too.")) {
            advice.accept(id);
        }
        assertTrue(advice.satisfied());
        LayoutConstraint store = new LayoutConstraint(vocab, LayoutConstraint.Need.SERVICE, null, 200);
        for (int id : fx.tokenizer.encode("Try warm gloves for golf.")) {
            store.accept(id);
        }
        assertFalse(store.satisfied());
        for (int id : fx.tokenizer.encode(" Only 3 left in stock.")) {
            store.accept(id);
        }
        assertTrue(store.satisfied());
    }

    @Test
    void theOpeningIsNeverForcedInsideAnotherElement() {
        MarkupConstraint markup = new MarkupConstraint(vocab, Set.of("B0X1"), Set.of("E1"));
        LayoutConstraint layout = new LayoutConstraint(vocab, LayoutConstraint.Need.PRODUCT, markup, 200);
        DecodingConstraint all = DecodingConstraint.all(List.of(markup, layout));
        for (int id : fx.tokenizer.encode("See <link to=\"search:warm gloves\">glo")) {
            all.accept(id);
        }
        float[] logits = new float[vocab.size()];
        logits[end] = 5f;
        all.mask(logits);
        assertEquals(-1, layout.forcedAt(), "inside link text no card may start");
        assertEquals(Float.NEGATIVE_INFINITY, logits[end]);
        long allowed = java.util.stream.IntStream.range(0, logits.length).filter(i -> logits[i] != Float.NEGATIVE_INFINITY).count();
        assertTrue(allowed > 10, "the link text goes on: " + allowed + " tokens allowed");
    }
}
