/**
 * Training of the shopping language model: pretraining on shop text, supervised fine-tuning on
 * grounded chat examples, and preference training (DPO, KTO). Sub-packages hold the training data
 * builders, the optimizer and schedule, the loops, checkpoints and the logs.
 */
package dev.aisle.engine.train;
