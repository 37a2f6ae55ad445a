/**
 * The product-QA evidence-ranking format (real data a user brings): a CSV with one row per
 * candidate passage, read into a suite whose items carry their candidates, graded labels and a
 * reference answer.
 */
package dev.aisle.evaluations.productqa;
