package dev.aisle.engine.markup.hydrate;

import java.util.List;

/** All hydrations of one answer; the AnswerTrace section {@value #SECTION}. */
public record HydrationReport(List<HydrationRecord> records) {

    public static final String SECTION = "hydration";

    public HydrationReport {
        records = List.copyOf(records);
    }

    public long count(HydrationRecord.Outcome outcome) {
        return records.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Elements that did not get everything they asked for (partial cards and fallbacks). */
    public long failures() {
        return count(HydrationRecord.Outcome.PARTIAL) + count(HydrationRecord.Outcome.FALLBACK);
    }
}
