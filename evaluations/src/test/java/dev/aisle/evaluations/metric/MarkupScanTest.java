package dev.aisle.evaluations.metric;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupScanTest {

    private static List<MarkupElement> scan(String text) {
        Set<String> products = Set.of("B0TRL00001", "B0RD000002");
        return MarkupScan.scan(text, products::contains, Set.of("E1")::contains);
    }

    private static List<Boolean> validity(String text) {
        return scan(text).stream().map(MarkupElement::valid).toList();
    }

    @Test
    void validElements() {
        assertEquals(List.of(true, true, true, true), validity("<product id=\"B0TRL00001\"/> <compare ids=\"B0TRL00001, B0RD000002\"/>"
                + " <cite ref=\"E1\"/> <link to=\"search:trail shoes\">more</link>"));
    }

    @Test
    void aStorePluginsProductElementIsValidOnlyWhenTheStoreHasIt() {
        Set<String> products = Set.of("B0TRL00001");
        String text = "<deal id=\"B0TRL00001\"/> <deal id=\"B0UNKNOWN1\"/> <deal id=\"B0TRL00001\" extra=\"x\"/>";
        assertEquals(List.of(true, false, false), MarkupScan.scan(text, products::contains, Set.of()::contains, Set.of("deal"))
                .stream().map(MarkupElement::valid).toList());
        assertEquals(List.of(false, false, false), validity(text), "without the plugin, <deal> is not markup");
        assertEquals(List.of("B0TRL00001"), MarkupScan.scan(text, products::contains, Set.of()::contains, Set.of("deal")).get(0).ids());
    }

    @Test
    void everythingElseIsInvalid() {
        assertEquals(List.of(false), validity("<product id=B0TRL00001>"));
        assertEquals(List.of(false, false), validity("<script>alert(1)</script>"));
        assertEquals(List.of(false), validity("<link to=\"https://evil.example\">x</link>"));
        assertEquals(List.of(false), validity("<link to=\"search:x\">never closed"));
        assertEquals(List.of(false), validity("<product id=\"B0UNKNOWN1\"/>"));
        assertEquals(List.of(false), validity("<compare ids=\"B0TRL00001\"/>"));
        assertEquals(List.of(false), validity("<cite ref=\"E2\"/>"));
        assertEquals(List.of(false), validity("</link>"));
        assertEquals(List.of(), validity("3 < 4 and 5 > 2"));
    }

    @Test
    void plainTextKeepsLinkText() {
        assertEquals("See more shoes .", MarkupScan.plainText("See <link to=\"search:shoes\">more shoes</link>."));
    }
}
