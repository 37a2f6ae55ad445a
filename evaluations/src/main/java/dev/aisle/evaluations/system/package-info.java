/**
 * What an evaluation runs against: {@link dev.aisle.evaluations.system.AnswerSystem}, a small
 * interface over the assistant pipeline (or a retriever, or a candidate ranker), the answer it
 * returns, and the named configurations that select one.
 */
package dev.aisle.evaluations.system;
