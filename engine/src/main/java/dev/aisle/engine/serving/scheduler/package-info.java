/**
 * Scheduling generation requests onto a paged-KV backend: the continuous (iteration-level)
 * scheduler, the static-batch and sequential baselines, requests, handles, results and finish
 * reasons. See {@link dev.aisle.engine.serving.scheduler.ServingEngine} for the entry point.
 */
package dev.aisle.engine.serving.scheduler;
