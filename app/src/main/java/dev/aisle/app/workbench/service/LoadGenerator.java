package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.function.Consumer;

/** Drives the serving engine with Poisson arrivals so the dashboards have something to show. */
public interface LoadGenerator {

    List<String> schedulers();

    List<String> backends();

    /** Starts a run; returns at once. {@code done} receives a one-line summary or an error message. */
    Run start(Settings settings, Consumer<String> done);

    /** A load run's parameters. */
    record Settings(double requestsPerSecond, int durationSeconds, String scheduler, String backend) {
        public Settings {
            if (requestsPerSecond <= 0) {
                throw new IllegalArgumentException("rate must be > 0 requests/s, got " + requestsPerSecond);
            }
            if (durationSeconds <= 0) {
                throw new IllegalArgumentException("duration must be > 0 s, got " + durationSeconds);
            }
        }
    }

    /** A running load. */
    interface Run {
        void stop();
    }
}
