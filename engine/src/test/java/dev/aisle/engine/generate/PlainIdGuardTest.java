package dev.aisle.engine.generate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainIdGuardTest {

    private static final String[] TEXTS = {
            "<|end|>", " ", "The", " B", "0", "B0", "M8", "ZN9JGS", "B0M8ZN9JGS", " B0M8", "ee", "Best", " AB0M",
            "<product id=\"", "\"/>", ".", " is", "<link to=\"product:", "\">", "</link>", "0M", "B", "b0m8",
    };
    private static final MarkupConstraint.Vocabulary VOCAB = new MarkupConstraint.Vocabulary(TEXTS, Set.of(0));
    private static final ProductIdShape SHAPE = ProductIdShape.of(List.of("B0M8ZN9JGS", "B0GH7V4YFV", "B0ZZ000001")).orElseThrow();

    private static int id(String text) {
        for (int i = 0; i < TEXTS.length; i++) {
            if (TEXTS[i].equals(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static boolean allowed(PlainIdGuard g, String text) {
        float[] logits = new float[TEXTS.length];
        g.mask(logits);
        return logits[id(text)] != Float.NEGATIVE_INFINITY;
    }

    private static PlainIdGuard after(String... texts) {
        PlainIdGuard g = new PlainIdGuard(VOCAB, SHAPE);
        for (String t : texts) {
            g.accept(id(t));
        }
        return g;
    }

    @Test
    void theShapeIsTheSharedPrefixOfTheCataloguesIds() {
        assertEquals(new ProductIdShape("B0", true), SHAPE);
        assertEquals(Optional.empty(), ProductIdShape.of(List.of("B0M8ZN9JGS")), "one id tells no shape");
        assertEquals(Optional.empty(), ProductIdShape.of(List.of("A1", "B0")), "no shared prefix");
        assertEquals(Optional.empty(), ProductIdShape.of(List.of("X-1", "X-2")), "a prefix of one letter would catch words");
        assertFalse(ProductIdShape.of(List.of("sku-ab1", "sku-cd2")).orElseThrow().upperAlnumBody());
        assertEquals("sku", ProductIdShape.of(List.of("sku-ab1", "sku-cd2")).orElseThrow().prefix());
    }

    @Test
    void aWordInFreeTextCannotBeginAnId() {
        PlainIdGuard start = after("The", " ");
        assertFalse(allowed(start, "B0M8ZN9JGS"), "a whole id in one token");
        assertTrue(allowed(after("The"), "B0M8ZN9JGS"), "glued to a word it starts no word");
        assertFalse(allowed(start, " B0M8"), "an id after a space");
        assertTrue(allowed(start, " B"), "the prefix alone is not an id yet");
        assertFalse(allowed(after("The", " B"), "0M"), "…but the prefix and an id character are");
        assertTrue(allowed(after("The", " B", "0"), "ee"), "B0 followed by lower case is another word");
        assertFalse(allowed(after("The", " B", "0"), "M8"));
        assertTrue(allowed(start, "Best"));
        assertTrue(allowed(start, " AB0M"), "B0 inside another word starts nothing");
        assertTrue(allowed(start, "b0m8"), "upper-case ids: lower case is not one");
    }

    @Test
    void insideMarkupIdsAreLeftToTheMarkupConstraintAndFreeTextIsGuardedAgainAfterwards() {
        assertTrue(allowed(after("<product id=\""), "B0M8ZN9JGS"));
        assertTrue(allowed(after("<link to=\"product:"), "B0M8ZN9JGS"));
        PlainIdGuard afterCard = after("<product id=\"", "B0M8ZN9JGS", "\"/>");
        assertFalse(allowed(afterCard, " B0M8"));
        assertFalse(allowed(afterCard, "B0M8ZN9JGS"), "right after the tag a word starts");
        PlainIdGuard linkText = after("<link to=\"product:", "B0M8ZN9JGS", "\">");
        assertFalse(allowed(linkText, "B0M8ZN9JGS"), "link text is free text");
    }

    @Test
    void randomWalksNeverSpellABareIdAndRefusalsAreCounted() {
        Random r = new Random(7);
        Pattern bareId = Pattern.compile("\\bB0[A-Z0-9]");
        int refusals = 0;
        for (int run = 0; run < 50; run++) {
            PlainIdGuard g = new PlainIdGuard(VOCAB, SHAPE);
            StringBuilder out = new StringBuilder();
            for (int step = 0; step < 40; step++) {
                float[] logits = new float[TEXTS.length];
                for (int i = 0; i < logits.length; i++) {
                    // Favour id pieces, so the walk keeps trying to spell one.
                    logits[i] = (float) r.nextGaussian() + (TEXTS[i].contains("B0") || TEXTS[i].equals("M8") ? 2f : 0f);
                }
                logits[0] = Float.NEGATIVE_INFINITY;
                g.mask(logits);
                int best = 0;
                for (int i = 1; i < logits.length; i++) {
                    best = logits[i] > logits[best] ? i : best;
                }
                g.accept(best);
                out.append(TEXTS[best]);
            }
            String plain = out.toString().replaceAll("<[^>]*>?", " ");
            assertFalse(bareId.matcher(plain).find(), plain);
            refusals += g.refusals();
        }
        assertTrue(refusals > 0, "the walk favours ids, so the guard had to refuse some");
    }
}
