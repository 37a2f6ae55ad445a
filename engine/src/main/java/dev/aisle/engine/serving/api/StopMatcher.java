package dev.aisle.engine.serving.api;

import java.util.List;

/**
 * Finds the caller's stop strings in streamed text. Text that could still turn out to be the start
 * of a stop string is held back, so the client never receives any part of a stop string.
 */
public final class StopMatcher {

    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    public StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    public boolean stopped() {
        return stopped;
    }

    /** Adds a delta; returns the text that is safe to emit now. */
    public String accept(String delta) {
        if (stopped) {
            return "";
        }
        held.append(delta);
        int cut = -1;
        for (String s : stops) {
            int i = held.indexOf(s);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        if (cut >= 0) {
            stopped = true;
            String out = held.substring(0, cut);
            held.setLength(0);
            return out;
        }
        int keep = 0;
        for (String s : stops) {
            for (int k = Math.min(s.length() - 1, held.length()); k > keep; k--) {
                if (s.startsWith(held.substring(held.length() - k))) {
                    keep = k;
                    break;
                }
            }
        }
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    /** What is still held back once generation ended without a stop string. */
    public String flush() {
        String out = stopped ? "" : held.toString();
        held.setLength(0);
        return out;
    }
}
