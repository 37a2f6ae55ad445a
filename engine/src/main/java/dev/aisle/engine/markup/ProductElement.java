package dev.aisle.engine.markup;

import java.util.Objects;

/** {@code <product id="ID"/>}: a product card. */
public record ProductElement(String id) implements MarkupElement {

    public ProductElement {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
        return "product";
    }
}
