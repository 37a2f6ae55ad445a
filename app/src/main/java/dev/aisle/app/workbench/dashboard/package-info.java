/**
 * Engineers' dashboards: live serving charts (TTFT / ITL percentiles, tokens/s, queue depth,
 * batch size, KV usage, preemptions) polled four times a second, the scheduler timeline with one
 * row per request, a built-in load generator, and trace export.
 */
package dev.aisle.app.workbench.dashboard;
