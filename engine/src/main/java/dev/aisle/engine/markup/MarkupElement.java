package dev.aisle.engine.markup;

/** One complete, validated markup element of an answer. */
public sealed interface MarkupElement permits ProductElement, CompareElement, CiteElement, LinkElement,
        PluginElement {

    /** The element's tag name: "product", "compare", "cite", "link", or a plugin's tag. */
    String kind();
}
