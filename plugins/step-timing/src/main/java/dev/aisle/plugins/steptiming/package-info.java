/**
 * A sample backend plugin: {@code cpu-timed} runs the engine's own CPU backend and keeps the wall
 * time of every step, so {@code aisle bench --backend cpu-timed} also says how long the model's
 * steps took (p50, p99 and by batch size), apart from queueing and scheduling.
 */
package dev.aisle.plugins.steptiming;
