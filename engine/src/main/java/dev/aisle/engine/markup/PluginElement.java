package dev.aisle.engine.markup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A self-closing element contributed by a plugin ({@code <deal id="B0X1"/>}), accepted because a
 * {@link MarkupExtensions} entry knows its tag and its plugin found the attributes valid.
 *
 * @param attributes the attributes in the order the model wrote them
 */
public record PluginElement(String tag, Map<String, String> attributes) implements MarkupElement {

    public PluginElement {
        Objects.requireNonNull(tag, "tag");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @Override
    public String kind() {
        return tag;
    }

    /** What a shopper or trace reader recognises it by: the tag and its first attribute value. */
    public String label() {
        return attributes.isEmpty() ? tag : tag + " " + attributes.values().iterator().next();
    }
}
