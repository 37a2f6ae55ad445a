package dev.aisle.engine.generate;

import dev.aisle.engine.prompt.EvidenceLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class NumberGrammarTest {

    static final NumberGrammar GRAMMAR = new NumberGrammar(MeasureUnits.of(List.of("years", "balls", "g/m²", "°F", "lumens", "m")));

    static final List<EvidenceLine> EVIDENCE = List.of(
            new EvidenceLine("E1", "product", "B0SHOE0001", "Pacer Lab Switchback 7 Trail Running Shoes. $101.99, 4.5 stars (21 reviews). "
                    + "lug depth 5 mm. drop 8 mm. weight 290 g. warranty 2 years."),
            new EvidenceLine("E2", "review", "B0SHOE0002", "3/5 stars: Fine. The 10 mm drop suits me."),
            new EvidenceLine("E3", "guide", "", "Road shoes have shallow lugs (1–2.5 mm)."));

    static GroundedValues values() {
        return GroundedValues.of(EVIDENCE, Map.of("B0SHOE0002", "Stridewell Pace 4 Road Shoes – 230 g/m² mesh"),
                "shoes under 100 dollars with a 6 mm drop?", GRAMMAR);
    }

    private static boolean writes(String text, NumberGrammar.Judge judge) {
        NumberGrammar.State s = GRAMMAR.run(NumberGrammar.START, text, judge);
        return s != null && GRAMMAR.canEnd(s, judge);
    }

    @Test
    void readsRatingsAndMeasuresAsTheClaimExtractorDoes() {
        List<NumberGrammar.Claim> claims = GRAMMAR.read("Rated 4.5 out of 5, 3/5 stars, a 4-star pick, 8 mm drop, 290g, "
                + "2 years, 12 balls, 230 g/m², 40 °F, 3 options, top 3, 4-piece, v2.0 and 1,250 lumens.");
        assertTrue(claims.contains(new NumberGrammar.Claim(4.5, "", true)));
        assertTrue(claims.contains(new NumberGrammar.Claim(3, "", true)));
        assertTrue(claims.contains(new NumberGrammar.Claim(4, "", true)));
        assertTrue(claims.contains(new NumberGrammar.Claim(8, "mm", false)));
        assertTrue(claims.contains(new NumberGrammar.Claim(290, "g", false)));
        assertTrue(claims.contains(new NumberGrammar.Claim(2, "years", false)));
        assertTrue(claims.contains(new NumberGrammar.Claim(12, "balls", false)));
        assertTrue(claims.contains(new NumberGrammar.Claim(230, "g/m²", false)), "the longest unit spelling wins: " + claims);
        assertTrue(claims.contains(new NumberGrammar.Claim(40, "°f", false)));
        assertTrue(claims.contains(new NumberGrammar.Claim(1250, "lumens", false)));
        assertFalse(claims.contains(new NumberGrammar.Claim(230, "g", false)));
        assertFalse(claims.stream().anyMatch(c -> c.value() == 5 && c.rating()), "the 5 of 'out of 5' is part of the unit");
        assertEquals(10, claims.stream().distinct().count(), "counts and '4-piece' are no claims: " + claims);
    }

    @Test
    void aUnitMayOnlyFollowTheNumberTheEvidencePairsItWith() {
        NumberGrammar.Judge any = values().judge(Optional.empty());
        assertTrue(writes("It has a drop of 8 mm.", any));
        assertTrue(writes("Lugs are 5 mm deep, 290 g, rated 4.5 stars, 2 years of warranty", any));
        assertFalse(writes("It has a drop of 9 mm.", any), "9 mm is in no evidence");
        assertFalse(writes("drop of 5 g", any), "5 goes with mm, not g");
        assertNull(GRAMMAR.run(NumberGrammar.START, "drop of 5 g.", any), "refused as soon as the unit is whole");
        assertFalse(writes("weighs 290 kg", any));
        assertTrue(writes("a drop of 6 mm as you asked", any), "the question's own values may be repeated");
        assertTrue(writes("Here are 2 options, top 3 picks and 4-piece balls in 7 colours", any), "counts stay free");
        assertTrue(writes("Version 4.5.3 and 1,2.5,7 and 4.5.. ok", any), "odd digit runs end at a second point, never fail");
        assertFalse(writes("drop 8.0.9 mm", any), "9 mm is read after the second point");
        assertFalse(writes("It weighs 8", any) && !writes("It weighs 8 mm", any));
        assertTrue(writes("It weighs 8", any), "a count at the end is free");
        assertFalse(writes("It weighs 9 mm", any));
        assertFalse(writes("rated 4.2 by shoppers", any), "after 'rated' the digits are a rating");
        assertNull(GRAMMAR.run(NumberGrammar.START, "rated 2", any), "no rating starts with 2");
        assertNotNull(GRAMMAR.run(NumberGrammar.START, "rated 4.", any), "4. may still become 4.5");
        assertFalse(writes("rated 4", any), "but 4 alone is not a rating of the evidence");
        assertFalse(writes("It gets 5 stars", any));
        assertTrue(writes("It gets 3/5 stars", any));
        assertFalse(writes("It weighs 9 <cite ref=\"E1\"/> mm", any), "a tag between number and unit is a space");
        assertTrue(writes("<product id=\"B0AB12MM34\"/> and <cite ref=\"E12\"/> mm", any), "ids inside tags are not numbers");
        assertTrue(writes("costs $45.99 mm", any), "amounts after '$' are the price constraint's");
        NumberGrammar.State open = GRAMMAR.run(NumberGrammar.START, "drop 9 m", any);
        assertNotNull(open, "'9 m' may still become '9 more'");
        assertFalse(GRAMMAR.canEnd(open, any), "but not end as 9 metres");
        assertNotNull(GRAMMAR.run(open, "ore", any));
        assertTrue(GRAMMAR.dangling(open, any), "a token may not stop on the refused unit 'm'");
        assertFalse(GRAMMAR.dangling(GRAMMAR.run(NumberGrammar.START, "drop 8 m", any), any), "8 may still become 8 mm");
        NumberGrammar.Judge shoe2 = values().judge(Optional.of("B0SHOE0002"));
        NumberGrammar.State g = GRAMMAR.run(NumberGrammar.START, "a 230 g", shoe2);
        assertFalse(GRAMMAR.dangling(g, shoe2), "230 g is refused but 230 g/m² is stated: not a dead end");
        assertTrue(writes("a 230 g/m² mesh", shoe2));
    }

    @Test
    void aSentenceAboutOneProductStatesOnlyItsValues() {
        GroundedValues v = values();
        NumberGrammar.Judge shoe1 = v.judge(Optional.of("B0SHOE0001"));
        NumberGrammar.Judge shoe2 = v.judge(Optional.of("B0SHOE0002"));
        assertTrue(writes("drop 8 mm", shoe1));
        assertFalse(writes("drop 10 mm", shoe1), "10 mm is the other shoe's");
        assertTrue(writes("drop 10 mm", shoe2));
        assertTrue(writes("230 g/m² mesh", shoe2), "a title's measure belongs to its product");
        assertFalse(writes("rated 4.5", shoe2));
        assertTrue(writes("a 6 mm drop", shoe2), "the question's values stay open");
        assertFalse(writes("shallow 2.5 mm lugs", shoe1), "a guide's values only when no product is the subject");
        assertTrue(writes("shallow 2.5 mm lugs", v.judge(Optional.empty())));
        assertEquals(java.util.Set.of("101.99", "100", "100.00"), v.prices(Optional.of("B0SHOE0001")));
        assertEquals(java.util.Set.of("100", "100.00"), v.prices(Optional.of("B0SHOE0002")));
    }
}
