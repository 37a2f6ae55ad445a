package dev.aisle.engine.generate;

import java.util.List;

/**
 * Stop strings over streamed text. Besides finding a stop, it says how much text is safe to emit: a
 * tail that could still grow into a stop string is held back, so a client never sees half of one.
 */
public final class StopStrings {

    private final List<String> stops;
    private final int longest;

    public StopStrings(List<String> stops) {
        for (String s : stops) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
        this.stops = List.copyOf(stops);
        this.longest = stops.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Earliest start of a stop string in {@code text} at or after {@code from - longest}, or -1. */
    public int find(CharSequence text, int from) {
        if (stops.isEmpty()) {
            return -1;
        }
        String s = text.toString();
        int start = Math.max(0, from - longest);
        int best = -1;
        for (String stop : stops) {
            int i = s.indexOf(stop, start);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Length of the prefix of {@code text} that cannot become part of a stop string. */
    public int safeLength(CharSequence text) {
        int n = text.length();
        for (int k = Math.min(longest - 1, n); k > 0; k--) {
            CharSequence tail = text.subSequence(n - k, n);
            for (String stop : stops) {
                if (stop.length() > k && stop.startsWith(tail.toString())) {
                    return n - k;
                }
            }
        }
        return n;
    }
}
