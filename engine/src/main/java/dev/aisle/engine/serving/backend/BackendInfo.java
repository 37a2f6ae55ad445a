package dev.aisle.engine.serving.backend;

/**
 * What the scheduler needs to know about a backend.
 *
 * @param name             "cpu", "neuron", "remote", …
 * @param vocabSize        logits length
 * @param maxContext       positions a sequence may use
 * @param blockSize        tokens per KV block
 * @param numBlocks        blocks in the KV pool
 */
public record BackendInfo(String name, int vocabSize, int maxContext, int blockSize, int numBlocks) {
}
