package dev.aisle.engine.assistant;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.analysis.Constraints;
import dev.aisle.engine.rag.analysis.PriceRange;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductFitTest {

    private static Product speaker(String id, double price, String waterResistance) {
        return new Product(id, "Sonara Boom Portable Bluetooth Speaker", "Sonara",
                List.of("Electronics", "Audio", "Bluetooth Speakers"), price, price, 4.0, 10,
                List.of(Attribute.text("water resistance", waterResistance), new Attribute("weight", "350", "g")),
                List.of(), "A speaker.");
    }

    private static Constraints wish(double maxPrice, Map<String, String> attributes) {
        return new Constraints(Optional.of(PriceRange.atMost(maxPrice)), Optional.empty(), Optional.empty(),
                List.of("Bluetooth Speakers"), attributes, List.of(), List.of());
    }

    @Test
    void aWishForAnAttributeTheProductDoesNotDescribeRulesNothingOutButAStatedValueMustMatch() {
        // "top rated ipx5 waterproof speaker max $150": "waterproof" is a yes/no attribute of other shelves.
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("water resistance", "IPX5");
        wanted.put("waterproof", "yes");
        assertTrue(ProductFit.fits(speaker("B0A", 119.99, "IPX5"), wish(150, wanted)));
        assertFalse(ProductFit.fits(speaker("B0B", 128.99, "IPX4"), wish(150, wanted)), "a stated value that differs");
        assertFalse(ProductFit.fits(speaker("B0C", 159.99, "IPX5"), wish(150, wanted)), "over the budget");
    }
}
