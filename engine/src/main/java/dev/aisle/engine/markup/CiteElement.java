package dev.aisle.engine.markup;

import java.util.Objects;

/** {@code <cite ref="E3"/>}: points at evidence item E3 of this answer. */
public record CiteElement(String ref) implements MarkupElement {

    public CiteElement {
        Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String kind() {
        return "cite";
    }
}
