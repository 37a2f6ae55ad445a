package dev.aisle.plugins.deal;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.spi.MarkupElementPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DealElementTest {

    private final DealElement deal = new DealElement();

    static Product product(String id, String title, double price, double listPrice) {
        return new Product(id, title, "Brand", List.of("Sports", "Running"), price, listPrice, 4.5, 10,
                List.of(), List.of(), "");
    }

    private final Map<String, Product> shop = Map.of(
            "B0RUN1", product("B0RUN1", "Trail Runner 2", 79.99, 99.99),
            "B0EVIL", product("B0EVIL", "<script>alert(1)</script> & Co", 10.00, 12.50),
            "B0FULL", product("B0FULL", "Golf Glove", 24.00, 24.00));
    private final Function<String, Optional<Product>> catalogue = id -> Optional.ofNullable(shop.get(id));

    private MarkupElementPlugin.Hydrated hydrate(String id) {
        return deal.hydrate(Map.of("id", id), catalogue).orElseThrow();
    }

    @Test
    void aDiscountIsShownFromListPriceVersusPrice() {
        MarkupElementPlugin.Hydrated h = hydrate("B0RUN1");
        assertEquals("79.99", h.fields().get("price"));
        assertEquals("99.99", h.fields().get("listPrice"));
        assertEquals("20.00", h.fields().get("save"));
        assertEquals("20", h.fields().get("savePercent"), "20.0020…% rounds down to 20");
        assertEquals("Deal: Trail Runner 2 \u2014 $79.99, was $99.99 (save $20.00, 20%)", deal.renderText(h));
        assertEquals("<span class=\"aisle-deal\" data-product-id=\"B0RUN1\"><strong>Deal</strong>: Trail Runner 2 \u2014 "
                + "<ins>$79.99</ins> <del>$99.99</del> (save 20%)</span>", deal.renderHtml(h));
    }

    @Test
    void fullPriceSaysSo() {
        MarkupElementPlugin.Hydrated h = hydrate("B0FULL");
        assertFalse(h.fields().containsKey("listPrice"));
        assertEquals("Golf Glove: $24.00 (full price, no current deal)", deal.renderText(h));
    }

    @Test
    void htmlEscapesCatalogueText() {
        String html = deal.renderHtml(hydrate("B0EVIL"));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), html);
        assertTrue(html.contains("(save 20%)"), html);
    }

    @Test
    void unknownProductsHydrateToNothing() {
        assertTrue(deal.hydrate(Map.of("id", "B0NONE"), catalogue).isEmpty());
    }

    @Test
    void validationNamesTheBadAttribute() {
        assertEquals(List.of(), deal.validate(Map.of("id", "B0RUN1")));
        assertEquals(List.of("<deal> needs an id attribute"), deal.validate(Map.of()));
        assertTrue(deal.validate(Map.of("id", "x\" onclick=\"y")).get(0).contains("'x\" onclick=\"y'"));
        assertEquals(List.of("<deal> has unknown attribute 'price'; only id is allowed"),
                deal.validate(Map.of("id", "B0RUN1", "price", "1.00")));
    }

    @Test
    void loadsThroughTheServiceLoader() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            assertTrue(registry.markupElements().stream().anyMatch(m -> m.tagName().equals("deal")));
        }
    }
}
