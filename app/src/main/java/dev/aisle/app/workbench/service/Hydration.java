package dev.aisle.app.workbench.service;

import java.util.List;

/** Store data filled into a markup element after it streamed in. */
public sealed interface Hydration {

    /** A product card's data; {@code found} is false for an id the catalogue does not know. */
    record Card(String productId, boolean found, String title, String brand, String category, String price,
                String stock, String delivery, double rating) implements Hydration {
    }

    /** A comparison table: one column per product, one row per key attribute. */
    record Table(List<String> productIds, List<String> titles, List<String> attributes, List<List<String>> cells)
            implements Hydration {
        public Table {
            productIds = List.copyOf(productIds);
            titles = List.copyOf(titles);
            attributes = List.copyOf(attributes);
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /** A plugin element as its plugin rendered it: plain text, shown as text (never parsed). */
    record Plugin(String tag, String text) implements Hydration {
    }

    /** Hydration failed for this element (store unavailable, unknown id); shown on the element. */
    record Missing(String reason) implements Hydration {
    }
}
