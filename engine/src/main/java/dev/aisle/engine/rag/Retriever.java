package dev.aisle.engine.rag;

import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.Set;

/** What the assistant pipeline calls before it builds the prompt. */
public interface Retriever {

    /**
     * Analyses the question in its conversation, retrieves and routes, calls store services, and
     * packs evidence. Writes the sections {@code rag.analysis}, {@code rag.sources}, {@code rag.hits},
     * {@code rag.evidence} and {@code rag.timings} and a {@code retrieval} stage into {@code trace}.
     */
    RetrievalResult retrieve(String question, ConversationContext context, AnswerTrace trace);

    /**
     * Every product id of the catalogue behind this retriever (how ids look: the decoder keeps id-shaped
     * words out of free text); empty when the retriever does not know its catalogue.
     */
    default Set<String> catalogueProductIds() {
        return Set.of();
    }
}
