/**
 * Paged KV cache bookkeeping: the block pool with its free list, reference counts, prefix cache
 * (hash chain over full blocks, LRU reuse of cached free blocks) and per-sequence block tables.
 * The tensors behind block ids belong to the backend.
 */
package dev.aisle.engine.serving.kv;
