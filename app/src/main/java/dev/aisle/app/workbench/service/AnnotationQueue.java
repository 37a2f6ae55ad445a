package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.Set;

/**
 * The annotators' work queue: answers waiting for a label, and the agreement between annotators
 * on items labelled more than once. Calls may block on the database (use an executor).
 */
public interface AnnotationQueue {

    /** Items still to label for {@code annotator}, oldest first. */
    List<Item> pending(String annotator, int limit);

    /** Stores one label and removes the item from the annotator's queue. */
    void label(Label label);

    /** Labelled and total counts for {@code annotator}. */
    Progress progress(String annotator);

    /** Agreement on items that two or more annotators labelled. */
    Agreement agreement();

    /** One answer waiting for a label. */
    record Item(String itemId, String traceId, String question, String answer, String config) {
    }

    /** A label on an item. */
    record Label(String itemId, String annotator, Verdict verdict, Set<String> reasons, String comment) {
        public Label {
            reasons = Set.copyOf(reasons);
            comment = comment == null ? "" : comment;
        }
    }

    /** An annotator's judgement of one answer. */
    enum Verdict {
        GOOD, BAD, SKIP
    }

    /** How far along an annotator is. */
    record Progress(int labelled, int total) {
    }

    /** Agreement figures: overlapping items, raw percentage agreement and Cohen's kappa. */
    record Agreement(int overlappingItems, double percentAgreement, double kappa) {
    }
}
