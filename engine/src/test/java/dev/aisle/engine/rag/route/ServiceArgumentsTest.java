package dev.aisle.engine.rag.route;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceArgumentsTest {

    @Test
    void findsZipAndUkPostcodesAfterADeliveryCue() {
        assertEquals(Map.of("postcode", "94103"), ServiceArguments.from("can it ship to 94103 by friday?"));
        assertEquals(Map.of("postcode", "10001-1234"), ServiceArguments.from("zip 10001-1234 delivery?"));
        assertEquals(Map.of("postcode", "SW1A 1AA"), ServiceArguments.from("delivery to sw1a  1aa?"));
    }

    @Test
    void pricesAndSizesAreNotPostcodes() {
        assertEquals(Map.of(), ServiceArguments.from("gloves under 40000 dollars"));
        assertEquals(Map.of(), ServiceArguments.from("is it in stock?"));
    }
}
