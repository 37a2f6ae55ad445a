package dev.aisle.engine.serving.bench;

/**
 * Where benchmark prompts come from. The default renders synthetic evidence through the real
 * chat layout; the integrator can plug in prompts built by the RAG pipeline from the evaluation
 * questions, so that lengths follow what retrieval actually packs.
 */
public interface PromptSource {

    String name();

    /** The {@code index}-th prompt; the same index gives the same prompt. */
    BenchPrompt prompt(int index);
}
