package dev.aisle.engine.markup.render;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.engine.markup.LinkKind;
import dev.aisle.engine.markup.ProductElement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    static final RenderNode.ProductCard CARD = new RenderNode.ProductCard("B0GLV12345",
            "FrostGrip Winter Golf Glove", "Caddy&Co", "Golf Gloves", 23.99, 29.99, 4.4, 812, "In stock (12)",
            "Arrives Thu", List.of(new Attribute("lining", "fleece", ""), new Attribute("weight", "40", "g")), true);
    static final RenderNode.ComparisonTable TABLE = new RenderNode.ComparisonTable(List.of("A1", "B2"),
            List.of("FrostGrip Winter Golf Glove With A Very Long Title Indeed", "RainMaster"),
            List.of(new RenderNode.Row("price", List.of("$24.99", "$19.50")),
                    new RenderNode.Row("lining", List.of("fleece", "—"))));
    static final List<RenderNode> ANSWER = List.of(new RenderNode.Text("Warm pick:"), CARD,
            new RenderNode.Text("Compare:"), TABLE, new RenderNode.Text("Reviewers agree "),
            new RenderNode.Citation("E3", "review", "B0GLV12345", "warm"), new RenderNode.Text(". More: "),
            new RenderNode.Link(LinkKind.SEARCH, "winter gloves", "winter gloves"), new RenderNode.Text(" "),
            new RenderNode.Fallback("product B0X", "timed out"),
            new RenderNode.Pending(4, new ProductElement("B0Y")));

    @Test
    void terminalPlainTextDrawsBoxedCardsAlignedTablesCitationsAndLinks() {
        String out = TerminalRenderer.plain().render(ANSWER);
        List<String> lines = Arrays.asList(out.split("\n"));
        assertEquals("Warm pick:", lines.get(0));
        List<String> box = lines.subList(1, 8);
        assertTrue(box.get(0).startsWith("┌") && box.get(6).startsWith("└"), out);
        assertTrue(box.stream().allMatch(l -> l.length() == 72), "every box line is as wide as the terminal:\n" + out);
        assertTrue(box.get(3).contains("$23.99 (was $29.99) · In stock (12) · Arrives Thu"), box.get(3));
        assertEquals("Compare:", lines.get(8));
        int bar = lines.get(9).indexOf('│');
        assertTrue(bar > 0);
        for (int k = 9; k < 13; k++) {
            char at = k == 10 ? '┼' : '│';
            assertEquals(at, lines.get(k).charAt(bar), "column aligned on line " + k + ":\n" + out);
        }
        assertTrue(lines.get(9).contains("…"), "a long title is cut: " + lines.get(9));
        assertEquals("Reviewers agree [E3]. More: winter gloves (search:winter gloves) "
                + "[product B0X — details unavailable][loading product…]", lines.get(13));
        assertFalse(out.contains("\u001b"), "plain mode writes no escape codes");
    }

    @Test
    void ansiUnderlinesLinksAndStillAlignsBoxes() {
        String out = new TerminalRenderer(true, 60).render(ANSWER);
        assertTrue(out.contains("\u001b[4mwinter gloves\u001b[0m"), out);
        for (String line : out.split("\n")) {
            if (line.startsWith("│")) {
                assertEquals(60, line.replaceAll("\u001b\\[[0-9;]*m", "").length(), line);
            }
        }
    }

    @Test
    void terminalDropsControlCharactersFromAnyText() {
        String evil = "red\u001b[31m alert\u0007 \u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\";
        String out = new TerminalRenderer(true, 60).render(List.of(new RenderNode.Text(evil),
                new RenderNode.Citation("E1", "review", "", evil)));
        assertFalse(out.replace("\u001b[36m", "").replace("\u001b[0m", "").contains("\u001b"), out);
        assertFalse(out.contains("\u0007"), out);
    }

    @Test
    void htmlPageIsSelfContainedAndShowsEveryNode() {
        String html = new HtmlRenderer().page("Answer <1>", ANSWER);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Answer &lt;1&gt;</title>"));
        assertTrue(html.contains("Caddy&amp;Co"));
        assertTrue(html.contains("<span class=\"was\">$29.99</span>"));
        assertTrue(html.contains("<table class=\"compare\">"));
        assertTrue(html.contains("[E3]</span>"));
        assertTrue(html.contains("<a class=\"store-link\" data-target=\"search:winter gloves\">winter gloves</a>"));
        assertFalse(html.contains("href"), "nothing in a report links anywhere");
        assertFalse(html.contains("src="), "nothing is loaded from elsewhere");
    }

    @Test
    void rejectsATerminalTooNarrowForACard() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TerminalRenderer(false, 10));
        assertTrue(e.getMessage().contains("10"));
    }
}
