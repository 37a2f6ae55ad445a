/** Token sampling on the logits the backend returns: greedy, temperature, top-k, top-p, seeded per request. */
package dev.aisle.engine.serving.sampling;
