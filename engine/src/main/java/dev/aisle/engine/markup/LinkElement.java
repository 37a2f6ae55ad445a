package dev.aisle.engine.markup;

import java.util.Objects;

/**
 * {@code <link to="search:Q">text</link>} (or {@code category:PATH}, {@code product:ID}): an
 * in-store navigation link.
 *
 * @param value the target without its kind prefix: the query, the category path or the product id
 * @param text  the link's visible text
 */
public record LinkElement(LinkKind target, String value, String text) implements MarkupElement {

    public LinkElement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** "search:trail shoes": the target as written in the markup. */
    public String targetString() {
        return target.prefix() + value;
    }

    @Override
    public String kind() {
        return "link";
    }
}
