/**
 * Measuring where this process's memory goes: resident set size, the JVM's direct-buffer pool (where
 * DJL keeps the data of arrays created from Java arrays until the garbage collector frees it) and the
 * Java heap; and {@link dev.aisle.engine.memory.NativeMemoryBench}, which prints them over serving and
 * training steps so that growth per step is visible.
 */
package dev.aisle.engine.memory;
