/**
 * Running a suite: resolving configuration names to systems, calling them item by item with
 * progress and ETA, scoring every metric, aggregating, comparing two configurations, checking
 * thresholds, and the reproducibility manifest recorded with the results.
 */
package dev.aisle.evaluations.run;
