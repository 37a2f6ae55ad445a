package dev.aisle.app.workbench.service;

import dev.aisle.engine.trace.AnswerTrace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an answer stream tells the workbench, in order. Only the markup parser produces the element
 * events ({@link Product}, {@link Compare}, {@link Cite}, {@link Link}, {@link PluginElement}); everything the model says
 * otherwise, including malformed or unknown tags, arrives as {@link Text} and is shown as text.
 */
public sealed interface AnswerEvent {

    /** Plain text to show as it is (never interpreted as markup). */
    record Text(String text) implements AnswerEvent {
    }

    /** A product card placeholder; {@link Hydrated} fills it in later. */
    record Product(int slot, String productId) implements AnswerEvent {
    }

    /** A comparison table placeholder; {@link Hydrated} fills it in later. */
    record Compare(int slot, List<String> productIds) implements AnswerEvent {
        public Compare {
            productIds = List.copyOf(productIds);
        }
    }

    /** A citation of evidence item {@code ref} (for example "E3") of this answer. */
    record Cite(String ref) implements AnswerEvent {
    }

    /** An in-store navigation link ({@code search:Q}, {@code category:PATH}, {@code product:ID}). */
    record Link(String target, String text) implements AnswerEvent {
    }

    /**
     * A plugin's element ({@code <deal id="…"/>}) placeholder; {@link Hydrated} fills it in later with
     * the text its plugin rendered.
     */
    record PluginElement(int slot, String tag, Map<String, String> attributes) implements AnswerEvent {
        public PluginElement {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** The tag and its first attribute value ("deal B0X1"), for placeholders and plain text. */
        public String label() {
            return attributes.isEmpty() ? tag : tag + " " + attributes.values().iterator().next();
        }
    }

    /** The store's data for an element slot, arriving after the element itself. */
    record Hydrated(int slot, Hydration hydration) implements AnswerEvent {
    }

    /** One generated token arrived (for counters and the timeline; its text comes as {@link Text}). */
    record Token(int tokenId, long nanosSinceStart) implements AnswerEvent {
    }

    /** The answer is complete (or was stopped); the trace holds everything the engine knows. */
    record Finished(AnswerTrace trace) implements AnswerEvent {
    }

    /** The answer failed; the message names what went wrong. */
    record Failed(String message) implements AnswerEvent {
    }
}
