package dev.aisle.app.workbench.inspector;

import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answer's tokens on a time axis: when the first arrived (TTFT) and the gap before each later
 * one, straight from the trace's token timestamps.
 */
public record TokenTimeline(double ttftMs, List<Double> arrivalsMs, List<Double> gapsMs, double maxGapMs,
                            double medianGapMs) {

    public TokenTimeline {
        arrivalsMs = List.copyOf(arrivalsMs);
        gapsMs = List.copyOf(gapsMs);
    }

    public static TokenTimeline of(List<AnswerTrace.TokenTiming> tokens) {
        if (tokens.isEmpty()) {
            return new TokenTimeline(Double.NaN, List.of(), List.of(), Double.NaN, Double.NaN);
        }
        List<Double> arrivals = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        long previous = -1;
        for (AnswerTrace.TokenTiming t : tokens) {
            arrivals.add(t.nanosSinceStart() / 1e6);
            if (previous >= 0) {
                gaps.add((t.nanosSinceStart() - previous) / 1e6);
            }
            previous = t.nanosSinceStart();
        }
        double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        return new TokenTimeline(arrivals.get(0), arrivals, gaps, max, median);
    }

    public int tokenCount() {
        return arrivalsMs.size();
    }

    @Override
    public String toString() {
        return "TokenTimeline" + Arrays.asList(ttftMs, tokenCount(), medianGapMs, maxGapMs);
    }
}
