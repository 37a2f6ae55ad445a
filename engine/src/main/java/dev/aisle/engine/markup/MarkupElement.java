package dev.aisle.engine.markup;

/** One complete, validated markup element of an answer. */
public sealed interface MarkupElement permits ProductElement, CompareElement, CiteElement, LinkElement {

    /** The element's tag name: "product", "compare", "cite" or "link". */
    String kind();
}
