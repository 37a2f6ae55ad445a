package dev.aisle.engine.rag.route;

/**
 * How one source or service call went, for the trace.
 *
 * @param kind   "index", "evidence" (plugin source) or "service"
 * @param items  what it returned (0 unless OK)
 * @param detail the error message or the timeout, "" when OK
 */
public record SourceRun(String source, String kind, Status status, long micros, int items, String detail) {

    public enum Status { OK, TIMEOUT, FAILED, REJECTED }
}
