/**
 * Results as JSON (results.json) and as a self-contained HTML report (report.html): inline CSS
 * and SVG charts, no external resource, every piece of text escaped.
 */
package dev.aisle.evaluations.report;
