package dev.aisle.engine.rag.embed;

import java.util.List;
import java.util.function.IntConsumer;

/** Turns text into unit-length vectors whose dot product is their cosine similarity. */
public interface TextEmbedder extends AutoCloseable {

    int dimension();

    /** One query-sized text, at full length (up to the model's window). */
    float[] embed(String text);

    /**
     * Many texts in batches on the embedder's workers; each truncated to {@code maxTokens} word pieces.
     *
     * @param progress called with the number of texts finished so far (from worker threads)
     */
    List<float[]> embedAll(List<String> texts, int maxTokens, IntConsumer progress);

    @Override
    void close();
}
