package dev.aisle.engine.markup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkupStreamParserTest {

    static final MarkupScope SCOPE = new MarkupScope(Set.of("B0GLV12345", "B0GLV99999", "B0SHOE0001"),
            Set.of("E1", "E2", "E3"));

    private static MarkupStreamParser.Parsed parse(String s) {
        return MarkupStreamParser.parse(s, SCOPE);
    }

    private static MarkupEvent text(String s) {
        return new MarkupEvent.Text(s);
    }

    @Test
    void parsesEveryElementOfTheMarkup() {
        String answer = "Try <product id=\"B0GLV12345\"/> or compare <compare ids=\"B0GLV12345, B0GLV99999\"/>"
                + " as reviewers say <cite ref=\"E2\"/>. See <link to=\"search:winter golf gloves\">more gloves</link>"
                + ", <link to=\"category:Sports/Golf\">golf</link> and <link to=\"product:B0SHOE0001\">this shoe</link>.";
        MarkupStreamParser.Parsed p = parse(answer);
        List<MarkupElement> elements = p.events().stream().filter(e -> e instanceof MarkupEvent.Element)
                .map(e -> ((MarkupEvent.Element) e).element()).toList();
        assertEquals(List.of(new ProductElement("B0GLV12345"),
                new CompareElement(List.of("B0GLV12345", "B0GLV99999")),
                new CiteElement("E2"),
                new LinkElement(LinkKind.SEARCH, "winter golf gloves", "more gloves"),
                new LinkElement(LinkKind.CATEGORY, "Sports/Golf", "golf"),
                new LinkElement(LinkKind.PRODUCT, "B0SHOE0001", "this shoe")), elements);
        assertEquals(new MarkupStats(1, 1, 1, 3, 0, 0, 0, 0), p.stats());
        assertEquals(text("Try "), p.events().get(0));
        MarkupEvent.Element first = (MarkupEvent.Element) p.events().get(1);
        assertEquals(0, first.index());
        assertEquals("<product id=\"B0GLV12345\"/>", first.markup());
    }

    @Test
    void selfClosingTagsMayHaveABlankBeforeTheSlash() {
        assertEquals(new MarkupStats(1, 0, 1, 0, 0, 0, 0, 0),
                parse("<product  id=\"B0GLV12345\" /><cite ref=\"E1\"\t/>").stats());
    }

    @Test
    void eachKindOfRejectionIsTextAndCounted() {
        String answer = "a <product id=\"NOPE\"/> b <cite ref=\"E9\"/> c <link to=\"https://evil.example\">win</link>"
                + " d <script>alert(1)</script> e <product id=\"B0GLV12345\"> f <compare ids=\"B0GLV12345\"/>"
                + " g price < $50 and <3";
        MarkupStreamParser.Parsed p = parse(answer);
        assertEquals(List.of(text(answer)), p.events(), "everything stays text");
        // unknown ids: NOPE, E9; outside link; unknown elements: <script>, and </script> is not counted;
        // malformed: product without "/>", compare with one id.
        assertEquals(new MarkupStats(0, 0, 0, 0, 2, 1, 2, 1), p.stats());
    }

    @Test
    void aLinkToAnUnknownProductOrWithoutTextIsText() {
        MarkupStreamParser.Parsed p = parse("<link to=\"product:B0NOTHERE\">x</link><link to=\"search:q\"> </link>"
                + "<link to=\"search:\">x</link>");
        assertEquals(0, p.stats().valid());
        assertEquals(1, p.stats().unknownIds());
        assertEquals(2, p.stats().malformed());
    }

    @Test
    void linkTargetsOutsideTheStoreAreRejectedWhateverTheirScheme() {
        for (String target : List.of("https://evil", "http://x", "javascript:alert(1)", "mailto:a@b", "//evil",
                "searchx:q", "SEARCH:q", "file:///etc/passwd", "data:text/html,<b>")) {
            MarkupStreamParser.Parsed p = parse("<link to=\"" + target + "\">t</link>");
            assertEquals(0, p.stats().valid(), target);
            assertTrue(p.stats().rejected() >= 1, target);
            assertEquals(1, p.events().size(), target);
        }
    }

    @Test
    void aTagSplitAtEveryPositionIsHeldBackThenEmittedWhole() {
        String answer = "Hi <product id=\"B0GLV12345\"/>!";
        for (int cut = 0; cut <= answer.length(); cut++) {
            MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
            List<MarkupEvent> first = parser.feed(answer.substring(0, cut));
            for (MarkupEvent e : first) {
                if (e instanceof MarkupEvent.Text t) {
                    assertTrue(!t.text().contains("<"), "cut " + cut + " released half a tag: " + t.text());
                }
            }
            List<MarkupEvent> all = new ArrayList<>(first);
            all.addAll(parser.feed(answer.substring(cut)));
            all.addAll(parser.finish());
            assertEquals(parse(answer).events(), MarkupStreamParser.mergeText(all), "cut at " + cut);
        }
    }

    @Test
    void ordinaryTextIsNotHeldBack() {
        MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
        assertEquals(List.of(text("prices from 5 < 7 dollars")), parser.feed("prices from 5 < 7 dollars"));
        assertEquals(List.of(text("a <s")), parser.feed("a <s"), "<s cannot start one of our tags");
        assertEquals(List.of(text("b ")), parser.feed("b <pro"));
        assertEquals(4, parser.heldBack(), "only \"<pro\" is held");
    }

    @Test
    void anUnclosedTagAtTheEndIsReleasedAsTextAndCountedMalformed() {
        MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
        assertEquals(List.of(text("see ")), parser.feed("see <link to=\"search:boots\">warm boo"));
        assertEquals(List.of(text("<link to=\"search:boots\">warm boo")), parser.finish());
        assertEquals(1, parser.stats().malformed());
    }

    @Test
    void holdsBackNoMoreThanOneTagsWorth() {
        MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
        parser.feed("<link to=\"search:" + "q".repeat(1000));
        assertTrue(parser.heldBack() == 0, "held " + parser.heldBack());
        assertEquals(1, parser.stats().malformed());
    }

    @Test
    void aSurrogatePairSplitAcrossChunksIsNotTornApart() {
        String shoe = "\uD83D\uDC5F"; // 👟
        MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
        assertEquals(List.of(text("run ")), parser.feed("run " + shoe.charAt(0)));
        assertEquals(List.of(text(shoe + "!")), parser.feed(shoe.charAt(1) + "!"));
    }

    @Test
    void feedingAfterFinishIsAnError() {
        MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
        parser.finish();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parser.feed("x"));
        assertTrue(e.getMessage().contains("finish"));
    }

    @Test
    void elementsAreNumberedInOrder() {
        MarkupStreamParser.Parsed p = parse("<cite ref=\"E1\"/> <cite ref=\"E7\"/> <cite ref=\"E3\"/>");
        List<Integer> indexes = p.events().stream().filter(e -> e instanceof MarkupEvent.Element)
                .map(e -> ((MarkupEvent.Element) e).index()).toList();
        assertEquals(List.of(0, 1), indexes);
    }

    @Test
    void statsSumUp() {
        MarkupStats s = new MarkupStats(1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(4, s.valid());
        assertEquals(4, s.rejected());
        assertEquals(0.5, s.validity());
        assertEquals(1.0, MarkupStats.EMPTY.validity());
        assertEquals(new MarkupStats(2, 2, 2, 2, 2, 2, 2, 2), s.plus(s));
    }
}
