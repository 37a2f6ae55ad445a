package dev.aisle.engine.markup.render;

import dev.aisle.engine.markup.MarkupElement;

/**
 * Receives an answer as it streams. Calls for text and elements come in reading order from the
 * thread that feeds the tokens; {@link #onHydrated} may come from a hydration thread, at most once
 * per element, possibly before or long after later text. A UI marshals these onto its own thread.
 */
public interface RenderListener {

    /** Ignores everything: for callers that only want the finished trace. */
    RenderListener NONE = new RenderListener() {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onElement(int elementIndex, MarkupElement element, RenderNode placeholder) {
        }

        @Override
        public void onHydrated(int elementIndex, RenderNode node) {
        }
    };


    /** More answer text, already free of markup. */
    void onText(String text);

    /**
     * Element number {@code elementIndex} (0, 1, …) is complete; show {@code placeholder} where it
     * stands until {@link #onHydrated} delivers the real node.
     */
    void onElement(int elementIndex, MarkupElement element, RenderNode placeholder);

    /** The node that replaces element {@code elementIndex}'s placeholder. */
    void onHydrated(int elementIndex, RenderNode node);

    /** The answer text has ended (hydration may still be running). */
    default void onFinished() {
    }
}
