/**
 * Evaluation suites: the JSONL item schema ({@link dev.aisle.evaluations.suite.SuiteItem}),
 * reading and writing suite files, generation from the corpus' held-out split, and the built-in
 * suites by name.
 */
package dev.aisle.evaluations.suite;
