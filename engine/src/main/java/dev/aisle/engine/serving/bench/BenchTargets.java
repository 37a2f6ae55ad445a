package dev.aisle.engine.serving.bench;

/** Service-level targets that goodput is measured against: a request is "good" when it meets both. */
public record BenchTargets(double ttftMs, double tpotMs) {

    public BenchTargets {
        if (!(ttftMs > 0) || !(tpotMs > 0)) {
            throw new IllegalArgumentException("targets must be > 0 ms, got ttft " + ttftMs + ", tpot " + tpotMs);
        }
    }
}
