/**
 * The annotators' queue: one answer at a time, good / bad / skip, reason tags and a comment, all
 * by keyboard; progress and inter-annotator agreement from the feedback store.
 */
package dev.aisle.app.workbench.annotate;
