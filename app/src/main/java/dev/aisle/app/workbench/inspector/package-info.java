/**
 * The evidence inspector: everything the engine's AnswerTrace holds about one answer — stage
 * timings, each stage's section (question analysis, sources, evidence with its scores and
 * explanations, prompt budget, markup and hydration) as tables, and the token timeline. It shows
 * the trace's own records as they are, so nothing here recomputes what the engine knows.
 */
package dev.aisle.app.workbench.inspector;
