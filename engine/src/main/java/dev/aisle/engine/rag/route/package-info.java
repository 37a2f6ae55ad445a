/**
 * Source routing: how much each evidence source counts for a kind of question
 * ({@link dev.aisle.engine.rag.route.SourceWeights}), and running every source and store service
 * under a time budget ({@link dev.aisle.engine.rag.route.BudgetedCalls}) so that one slow or broken
 * source (a plugin, a store system) is cut off, recorded as a {@link dev.aisle.engine.rag.route.SourceRun},
 * and the answer goes on with the rest.
 */
package dev.aisle.engine.rag.route;
