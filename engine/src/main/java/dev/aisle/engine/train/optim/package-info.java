/**
 * Optimisation on DJL NDArrays: AdamW with decoupled weight decay, the warm-up + cosine learning
 * rate schedule and global-norm gradient clipping. The optimizer keeps its moment estimates in its
 * own NDManager so that they can be checkpointed and restored exactly.
 */
package dev.aisle.engine.train.optim;
