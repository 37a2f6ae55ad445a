/**
 * The Llama-family language model on DJL (PyTorch engine): {@link dev.aisle.engine.model.LlamaConfig}
 * (Hugging Face {@code config.json}), safetensors IO, the training forward over full sequences
 * ({@link dev.aisle.engine.model.LlamaModel}), the model directory ({@link dev.aisle.engine.model.ModelDirectory}),
 * and the paged-KV inference path ({@link dev.aisle.engine.model.CpuBackend}, {@link dev.aisle.engine.model.KvPool}).
 */
package dev.aisle.engine.model;
