/**
 * Preference data in and out of the feedback store as JSONL in the layouts that TRL's trainers
 * read: DPO {@code {"prompt","chosen","rejected"}} and KTO {@code {"prompt","completion","label"}}.
 * Export aggregates each annotator's newest label (majority per pair or per response); import
 * stores each line as labels by the synthetic annotator {@value dev.aisle.engine.feedback.exchange.PreferenceImport#ANNOTATOR}.
 */
package dev.aisle.engine.feedback.exchange;
