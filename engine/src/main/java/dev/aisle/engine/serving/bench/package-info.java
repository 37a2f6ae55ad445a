/**
 * Load benchmark: prompt sources, seeded Poisson arrival traces, the open-loop load generator,
 * goodput targets, and the machine's matmul peak for model FLOPs utilisation.
 */
package dev.aisle.engine.serving.bench;
