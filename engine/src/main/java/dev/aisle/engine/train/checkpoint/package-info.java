/**
 * Checkpoints that make a run resumable exactly: weights, optimizer moments and the step, written
 * atomically (a new folder renamed over the old one) so that a kill during writing leaves the
 * previous checkpoint intact.
 */
package dev.aisle.engine.train.checkpoint;
