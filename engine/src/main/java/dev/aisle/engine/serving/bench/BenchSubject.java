package dev.aisle.engine.serving.bench;

import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.scheduler.IterationScheduler;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;

/** What a benchmark runs against: a backend and a way to put schedulers on it. */
public interface BenchSubject {

    /** "continuous", "static" or "sequential" on the subject's backend. */
    IterationScheduler newScheduler(String kind);

    SchedulerConfig schedulerConfig();

    BackendInfo backendInfo();

    /** Model name and shape, for the report. */
    String modelDescription();

    long parameters();

    /** Forward FLOPs of one token attending over {@code context} positions. */
    double flopsPerToken(int context);
}
