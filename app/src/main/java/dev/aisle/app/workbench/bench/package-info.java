/** Benchmarks of the workbench itself: how long the FX thread can stall while many answers stream. */
package dev.aisle.app.workbench.bench;
