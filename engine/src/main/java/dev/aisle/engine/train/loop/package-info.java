/**
 * The training loops: next-token training for pretraining and SFT (same loop, different batches
 * and loss masks), with checkpoints, CSV curves and a progress bar. {@link
 * dev.aisle.engine.train.loop.TrainableModel} is what a model must offer to be trained.
 */
package dev.aisle.engine.train.loop;
