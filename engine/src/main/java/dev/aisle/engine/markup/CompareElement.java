package dev.aisle.engine.markup;

import java.util.List;

/** {@code <compare ids="ID,ID[,ID…]"/>}: a comparison table of key attributes. */
public record CompareElement(List<String> ids) implements MarkupElement {

    public CompareElement {
        ids = List.copyOf(ids);
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 products, got " + ids);
        }
    }

    @Override
    public String kind() {
        return "compare";
    }
}
