package dev.aisle.engine.markup.render;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.engine.markup.LinkKind;
import dev.aisle.engine.markup.MarkupElement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One piece of a rendered answer, in reading order. */
public sealed interface RenderNode {

    /** Plain answer text. */
    record Text(String text) implements RenderNode {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A hydrated product card.
     *
     * @param price    the store's current price (the catalogue price when the price service failed)
     * @param stock    "In stock (12)", "Out of stock", or "Stock unknown" when the store did not answer
     * @param delivery "Arrives Thu", "" when unknown
     * @param live     whether price, stock and delivery came from the store services just now
     */
    record ProductCard(String productId, String title, String brand, String category, double price,
                       double listPrice, double rating, int reviewCount, String stock, String delivery,
                       List<Attribute> keyAttributes, boolean live) implements RenderNode {
        public ProductCard {
            keyAttributes = List.copyOf(keyAttributes);
        }

        public boolean discounted() {
            return listPrice > price + 0.005;
        }
    }

    /**
     * A comparison: one column per product, one row per attribute.
     *
     * @param productIds the compared products, in the order the model named them
     * @param titles     their titles, the column headers
     */
    record ComparisonTable(List<String> productIds, List<String> titles, List<Row> rows) implements RenderNode {
        public ComparisonTable {
            productIds = List.copyOf(productIds);
            titles = List.copyOf(titles);
            rows = List.copyOf(rows);
        }
    }

    /** One attribute across the compared products; "—" where a product lacks it. */
    record Row(String attribute, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /**
     * A citation of evidence item {@code label}.
     *
     * @param snippet the start of the evidence text (untrusted: data only), "" if not known
     */
    record Citation(String label, String source, String productId, String snippet) implements RenderNode {
    }

    /** An in-store link. */
    record Link(LinkKind target, String value, String text) implements RenderNode {
        public String targetString() {
            return target.prefix() + value;
        }
    }

    /**
     * A plugin's element, hydrated and rendered by its plugin within the hydration budget, so that
     * drawing it never runs plugin code.
     *
     * @param fields what the plugin looked up (for the inspector and tests)
     * @param text   the plugin's {@code renderText}; renderers still drop control characters
     * @param html   the plugin's {@code renderHtml}; {@link HtmlRenderer} keeps only simple inline markup of it
     */
    record PluginNode(String tag, Map<String, String> fields, String text, String html) implements RenderNode {
        public PluginNode {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(html, "html");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** Shown while an element is being hydrated; replaced in place by the hydrated node. */
    record Pending(int elementIndex, MarkupElement element) implements RenderNode {
    }

    /**
     * What is shown when hydration failed or took too long.
     *
     * @param label  what the shopper sees, e.g. "product B0X123"
     * @param reason why, for the trace and a tooltip, e.g. "timed out after 2000 ms"
     */
    record Fallback(String label, String reason) implements RenderNode {
    }
}
