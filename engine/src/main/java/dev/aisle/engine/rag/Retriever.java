package dev.aisle.engine.rag;

import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.trace.AnswerTrace;

/** What the assistant pipeline calls before it builds the prompt. */
public interface Retriever {

    /**
     * Analyses the question in its conversation, retrieves and routes, calls store services, and
     * packs evidence. Writes the sections {@code rag.analysis}, {@code rag.sources}, {@code rag.hits},
     * {@code rag.evidence} and {@code rag.timings} and a {@code retrieval} stage into {@code trace}.
     */
    RetrievalResult retrieve(String question, ConversationContext context, AnswerTrace trace);
}
