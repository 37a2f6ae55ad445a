/** Evaluation material: judged search queries (ESCI grades) and shopper questions with reference facts. */
package dev.aisle.datasets.judgments;
