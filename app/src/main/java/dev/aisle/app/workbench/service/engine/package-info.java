/**
 * The workbench's service interfaces implemented on the real engine: serving metrics and the
 * scheduler timeline from the scheduler's event stream, the load generator on the real
 * schedulers and the CPU backend, and (once the assistant pipeline is there) answers and feedback.
 */
package dev.aisle.app.workbench.service.engine;
