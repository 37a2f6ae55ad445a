/** Evaluations: pick a suite and configurations, run with progress, read the results, drill from an item into the inspector. */
package dev.aisle.app.workbench.evaluations;
