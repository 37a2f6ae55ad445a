/**
 * The feedback store: conversations, the responses shown in them (model, configuration, trace,
 * text), annotators' ratings and pairwise preferences, annotation tasks with double labelling, and
 * the model registry with lineage. Embedded H2 under {@code AISLE_HOME} by default (several
 * annotator processes share it through H2's automatic mixed mode); the same migrations and
 * queries run on PostgreSQL for a team store.
 *
 * <p>Every label is committed before the call that made it returns, and labels are only ever
 * appended, so an acknowledged label survives the process being killed and no concurrent
 * annotator can overwrite another's.
 */
package dev.aisle.engine.feedback;
