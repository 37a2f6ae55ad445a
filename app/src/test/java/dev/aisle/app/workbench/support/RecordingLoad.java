package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.LoadGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A load generator that remembers its runs; the test finishes a run through {@link #finish}. */
public final class RecordingLoad implements LoadGenerator {

    public final List<Settings> started = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> done = s -> { };

    @Override
    public List<String> schedulers() {
        return List.of("continuous", "static");
    }

    @Override
    public List<String> backends() {
        return List.of("cpu");
    }

    @Override
    public Run start(Settings settings, Consumer<String> whenDone) {
        started.add(settings);
        done = whenDone;
        return () -> whenDone.accept("stopped");
    }

    public void finish(String summary) {
        done.accept(summary);
    }
}
