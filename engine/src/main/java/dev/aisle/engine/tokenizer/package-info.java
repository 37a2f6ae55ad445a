/**
 * Tokenization: our own byte-level BPE trainer ({@link dev.aisle.engine.tokenizer.BpeTrainer}) that
 * writes a Hugging Face {@code tokenizer.json}, and {@link dev.aisle.engine.tokenizer.ShopTokenizer},
 * which encodes and decodes through {@code ai.djl.huggingface:tokenizers} so that our tokenizer and a
 * real checkpoint's load the same way. Untrusted text never produces chat special tokens.
 */
package dev.aisle.engine.tokenizer;
