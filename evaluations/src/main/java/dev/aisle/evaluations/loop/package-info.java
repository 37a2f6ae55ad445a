/**
 * The closed preference loop as a benchmark: answers sampled from a model on training-split
 * questions are labelled by a rule-based judge that knows the corpus' ground truth, the labels go
 * through the feedback store into DPO, and the judge then compares the new model with the base on
 * held-out questions.
 */
package dev.aisle.evaluations.loop;
