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

class PriceConstraintTest extends OnTinyVocabulary {

    @Test
    void amountsComeFromEvidencePricesAndTheQuestionsMoney() {
        Set<String> amounts = PriceConstraint.amounts(
                List.of("E1 Trail shoe. $89.99, rated 4.4.", "E2 Price now $59.50 (was $70.00, 15% off)."),
                "running shoes under 100 for my 12 yo, size 9");
        assertEquals(Set.of("89.99", "59.50", "70.00", "100", "100.00"), amounts, "ages and sizes are not money");
        assertEquals(Set.of("40", "40.00", "25.50"), PriceConstraint.amounts(List.of(), "gloves for 40 bucks or a $25.50 hat"));
    }

    /** Random logits that favour '$' and digits, so the walk keeps writing amounts; the mask must hold. */
    @Test
    void everyAmountWrittenUnderTheMaskIsAnAllowedOne() {
        Set<String> allowed = Set.of("89.99", "59.50", "30.49", "100", "100.00");
        long seed = System.nanoTime();
        Random r = new Random(seed);
        int end = fx.tokenizer.specialId(ChatTokens.END);
        String[] texts = fx.tokenizer.tokenTexts();
        Pattern amount = Pattern.compile("\\$([\\d.,]*)");
        int written = 0;
        for (int run = 0; run < 20; run++) {
            PriceConstraint c = new PriceConstraint(vocab, allowed);
            StringBuilder out = new StringBuilder();
            for (int step = 0; step < 120; step++) {
                float[] logits = new float[vocab.size()];
                for (int i = 0; i < logits.length; i++) {
                    boolean money = texts[i].contains("$") || texts[i].chars().anyMatch(Character::isDigit);
                    logits[i] = (float) r.nextGaussian() + (money ? 3f : 0f);
                }
                logits[end] = -50f;
                c.mask(logits);
                int tok = new Sampler(new SamplingParams(1.0, 0, 1, r.nextLong())).next(logits);
                c.accept(tok);
                if (tok != end) {
                    out.append(texts[tok]);
                }
            }
            out.append(' ');
            Matcher m = amount.matcher(out);
            while (m.find()) {
                String a = m.group(1).replaceAll("[.,]$", "");
                boolean last = m.end() == out.length() - 1;
                assertTrue(allowed.contains(a) || last && allowed.stream().anyMatch(x -> x.startsWith(a)),
                        "amount $" + a + " not allowed (seed " + seed + ") in: " + out);
                written++;
            }
        }
        assertTrue(written > 20, "the walk should write amounts, wrote " + written);
    }

    @Test
    void textWithoutDollarsIsFreeAndAnAmountEndsWhereItIsWhole() {
        PriceConstraint c = new PriceConstraint(vocab, Set.of("45.99", "50"));
        assertEquals("", c.run("\u0000free", "costs $"));
        assertEquals("45.9", c.run("", "45.9"));
        assertNull(c.run("", "46"), "46 begins no allowed amount");
        assertNotNull(c.run("", "45.99. "), "a full stop after a whole amount ends it");
        assertNull(c.run("", "45.99.95"), "but no number may follow it glued on");
        assertNull(c.run("", "45.999"), "a digit after a whole amount writes another number");
        assertNull(c.run("", "45 "), "45 is not a whole amount");
        assertNotNull(c.run("", "50 bucks"));
        PriceConstraint none = new PriceConstraint(vocab, Set.of());
        assertNull(none.run("\u0000free", "costs $"), "evidence without prices: no '$' at all");
        assertNotNull(none.run("\u0000free", "costs 5 euros"));
    }
}
