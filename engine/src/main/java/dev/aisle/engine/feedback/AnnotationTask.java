package dev.aisle.engine.feedback;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * An item in an annotation queue.
 *
 * @param labelsWanted 1, or 2+ for double labelling (agreement is measured on those)
 * @param labelsDone   annotators who finished it
 * @param assigned     annotators working on it now
 */
public record AnnotationTask(long id, String queue, TaskKind kind, long responseA, OptionalLong responseB,
                             int labelsWanted, int labelsDone, int assigned, Instant createdAt) {

    public enum Status { OPEN, IN_PROGRESS, DONE }

    public Status status() {
        if (labelsDone >= labelsWanted) {
            return Status.DONE;
        }
        return labelsDone + assigned >= labelsWanted ? Status.IN_PROGRESS : Status.OPEN;
    }
}
