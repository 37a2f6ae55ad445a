package dev.aisle.engine.spi;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.markup.render.HtmlRenderer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An answer element a plugin adds to the markup ({@code <deal id="…"/>}): how its attributes are
 * checked, how it is hydrated with store data, and how the hydrated element is shown as plain text
 * and as HTML. Elements are self-closing; the model writes only attributes, never the data shown.
 *
 * <p>The attributes come from model output and are untrusted: {@link #validate} must name every
 * problem, and {@link #renderHtml} must escape everything it writes (see {@link #escapeHtml}).
 */
public interface MarkupElementPlugin {

    /** The version of this interface that the engine implements. */
    int API_VERSION = 1;

    /** The interface version the implementation was written against; the engine accepts only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** The element's tag, lower case letters and '-' ("deal"); must not be a built-in tag. */
    String tagName();

    /**
     * The attributes whose value is a product id ({@code id} for {@code <deal id="…"/>}). The parser
     * accepts the element only when each of them names a product of the answer's evidence, and the
     * constrained decoder lets the model write only such ids there. Default: none.
     */
    default Set<String> productAttributes() {
        return Set.of();
    }

    /**
     * What is wrong with an element's attributes, one message per problem naming the attribute and
     * its value; empty when the element is valid. An invalid element is shown as plain text and its problems go into the answer's trace
     * ({@code markup.problems}). Called while the answer streams, under a short time budget: keep it
     * a pure check of the attributes.
     */
    List<String> validate(Map<String, String> attributes);

    /**
     * The data the element shows, looked up now (prices change; the model's memory of them does not).
     *
     * @param attributes attributes that passed {@link #validate}
     * @param catalogue  product lookup by id
     * @return empty when the element refers to nothing the store knows; a fallback is shown instead
     * @throws Exception anything; a fallback is shown and the failure is in the trace's {@code hydration}
     */
    Optional<Hydrated> hydrate(Map<String, String> attributes, Function<String, Optional<Product>> catalogue) throws Exception;

    /**
     * The element as plain text, e.g. for the terminal and the workbench. Called right after
     * {@link #hydrate}, under the same time budget; control characters are removed before showing.
     */
    String renderText(Hydrated element);

    /**
     * The element as an HTML fragment with every value escaped. The engine keeps only simple inline
     * markup of it ({@code span, strong, em, b, i, ins, del, small, br} with {@code class},
     * {@code title} and {@code data-*} attributes); any other tag is shown as text.
     */
    String renderHtml(Hydrated element);

    /**
     * A hydrated element: its tag and the named values the renderers show.
     *
     * @param fields e.g. {@code title, price, listPrice}; insertion order is kept by the caller's map
     */
    record Hydrated(String tag, Map<String, String> fields) {
        public Hydrated {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("hydrated element needs a tag");
            }
            fields = Map.copyOf(fields);
        }
    }

    /** Escapes text for HTML element content and quoted attribute values (the engine's own HTML escaping). */
    static String escapeHtml(String s) {
        return HtmlRenderer.escape(s);
    }
}
