package dev.aisle.engine.markup;

import java.util.Objects;

/** What the stream parser emits: text to show now, or a complete element. */
public sealed interface MarkupEvent {

    /** Plain text, safe to show as it is (never markup; renderers still escape it). */
    record Text(String text) implements MarkupEvent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A complete, validated element.
     *
     * @param index  0 for the answer's first element, then 1, 2, … — the key hydration reports under
     * @param markup the element exactly as the model wrote it
     */
    record Element(int index, MarkupElement element, String markup) implements MarkupEvent {
        public Element {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(markup, "markup");
        }
    }
}
