/**
 * Evaluations of the shopping assistant: suites of questions, metrics with one documented
 * definition each, paired comparisons of configurations, preference summaries and reports.
 */
package dev.aisle.evaluations;
