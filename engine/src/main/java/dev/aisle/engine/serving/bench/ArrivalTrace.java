package dev.aisle.engine.serving.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** When each benchmark request arrives, relative to the start of the run, and what it asks. */
public record ArrivalTrace(double rate, long seed, List<Arrival> arrivals) {

    public record Arrival(long offsetNanos, BenchPrompt prompt) {
    }

    public ArrivalTrace {
        arrivals = List.copyOf(arrivals);
    }

    /**
     * Poisson arrivals: exponential gaps with mean {@code 1/rate} seconds, seeded. An infinite
     * rate puts every request at time 0 (a throughput run).
     */
    public static ArrivalTrace poisson(double rate, int requests, PromptSource source, long seed) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be > 0 requests/s, got " + rate);
        }
        if (requests <= 0) {
            throw new IllegalArgumentException("requests must be > 0, got " + requests);
        }
        Random rnd = new Random(seed);
        List<Arrival> list = new ArrayList<>(requests);
        double t = 0;
        for (int i = 0; i < requests; i++) {
            if (i > 0 && !Double.isInfinite(rate)) {
                t += -Math.log(1 - rnd.nextDouble()) / rate;
            }
            list.add(new Arrival((long) (t * 1e9), source.prompt(i)));
        }
        return new ArrivalTrace(rate, seed, list);
    }

    public int promptTokens() {
        return arrivals.stream().mapToInt(a -> a.prompt().tokens().length).sum();
    }
}
