package dev.aisle.engine.generate;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class MarkupGrammarTest {

    final MarkupGrammar g = new MarkupGrammar(Set.of("B0X1", "B0X12", "B0Y7"), Set.of("E1", "E2", "E10"));

    boolean complete(String text) {
        return g.run(MarkupGrammar.TEXT, text) instanceof MarkupGrammar.Text;
    }

    boolean viable(String text) {
        return g.run(MarkupGrammar.TEXT, text) != null;
    }

    @Test
    void wellFormedElementsWithKnownIdsAreAccepted() {
        assertTrue(complete("Try <product id=\"B0X1\"/> or <product id=\"B0X12\"/>."));
        assertTrue(complete("<compare ids=\"B0X1,B0Y7\"/> <compare ids=\"B0X1,B0X12,B0Y7\"/>"));
        assertTrue(complete("warm<cite ref=\"E10\"/> and dry<cite ref=\"E2\"/>"));
        assertTrue(complete("see <link to=\"search:golf gloves\">gloves</link> or <link to=\"category:Sports/Golf\">golf</link>"));
        assertTrue(complete("<link to=\"product:B0Y7\">this one</link>"));
        assertTrue(viable("<product id=\"B0X"), "prefix of a known id is still possible");
    }

    @Test
    void malformedOrUnknownIsRejected() {
        assertFalse(viable("<product id=\"B0Z"), "unknown id");
        assertFalse(viable("<product id=\"B0X\""), "incomplete id closed");
        assertFalse(viable("<compare ids=\"B0X1\""), "compare needs two");
        assertFalse(viable("<compare ids=\"B0X1,B0X1\""), "duplicate in compare");
        assertFalse(viable("<cite ref=\"E3\""), "unknown evidence label");
        assertFalse(viable("<link to=\"https://evil"), "outside link target");
        assertFalse(viable("<link to=\"search:\""), "empty query");
        assertFalse(viable("</link>"), "close without open");
        assertFalse(viable("<script>"), "unknown element");
        assertFalse(viable("<link to=\"search:a\">x<b>"), "nested markup in link text");
        assertFalse(viable("<product id=\"B0X1\">"), "product is an empty element");
    }

    @Test
    void elementsWithoutIdsAreNeverOffered() {
        MarkupGrammar none = new MarkupGrammar(Set.of(), Set.of());
        assertNull(none.run(MarkupGrammar.TEXT, "<p"));
        assertNull(none.run(MarkupGrammar.TEXT, "<ci"));
        assertNull(none.run(MarkupGrammar.TEXT, "<link to=\"pro"));
        assertNotNull(none.run(MarkupGrammar.TEXT, "<link to=\"search:x\">y</link>"));
        MarkupGrammar one = new MarkupGrammar(Set.of("A1"), Set.of("E1"));
        assertNull(one.run(MarkupGrammar.TEXT, "<co"), "compare needs two products in the evidence");
    }

    /** From any reachable state some character continues, and random walks stay completable. */
    @Test
    void everyReachableStateCanBeCompleted() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        String alphabet = "<>/\"=,: abcdefghijklmnopqrstuvwxyzBEXY0127\n";
        for (int walk = 0; walk < 100; walk++) {
            MarkupGrammar.State s = MarkupGrammar.TEXT;
            for (int step = 0; step < 60; step++) {
                StringBuilder options = new StringBuilder();
                for (char c : alphabet.toCharArray()) {
                    if (g.next(s, c) != null) {
                        options.append(c);
                    }
                }
                assertTrue(options.length() > 0, "dead end at " + s + " seed " + seed);
                // Prefer '<' sometimes so walks enter markup often.
                char c = r.nextInt(4) == 0 && options.indexOf("<") >= 0 ? '<' : options.charAt(r.nextInt(options.length()));
                s = g.next(s, c);
            }
        }
    }
}
