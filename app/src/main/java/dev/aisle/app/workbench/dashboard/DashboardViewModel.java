package dev.aisle.app.workbench.dashboard;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.app.workbench.service.MetricsSource;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Polls the metrics source on a ticker (not the FX thread), keeps a sliding window of snapshots
 * for the charts, and runs the load generator.
 */
public final class DashboardViewModel {

    /** Whether the load generator is running. */
    public enum State {
        IDLE, LOADING
    }

    /** Polls per second; the dashboards must update at least twice a second. */
    public static final int POLLS_PER_SECOND = 4;
    /** How many snapshots the charts keep (one minute). */
    public static final int WINDOW = 60 * POLLS_PER_SECOND;

    private final MetricsSource metrics;
    private final LoadGenerator load;
    private final Executor executor;
    private final ScheduledExecutorService ticker;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final ObservableList<MetricsSource.Snapshot> history = FXCollections.observableArrayList();
    private final ObjectProperty<MetricsSource.Snapshot> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty rate = new SimpleDoubleProperty(4);
    private final IntegerProperty duration = new SimpleIntegerProperty(20);
    private final StringProperty scheduler = new SimpleStringProperty();
    private final StringProperty backend = new SimpleStringProperty();
    private final StringProperty notice = new SimpleStringProperty("");
    private ScheduledFuture<?> polling;
    private LoadGenerator.Run run;
    private volatile boolean pollPending;

    public DashboardViewModel(MetricsSource metrics, LoadGenerator load, Executor executor,
                              ScheduledExecutorService ticker, UiDispatcher ui, ErrorReporter errors) {
        this.metrics = metrics;
        this.load = load;
        this.executor = executor;
        this.ticker = ticker;
        this.ui = ui;
        this.errors = errors;
        if (!load.schedulers().isEmpty()) {
            scheduler.set(load.schedulers().get(0));
        }
        if (!load.backends().isEmpty()) {
            backend.set(load.backends().get(0));
        }
    }

    /** Starts polling (when the view is shown). */
    public void start() {
        if (polling == null) {
            polling = ticker.scheduleAtFixedRate(this::poll, 0, 1000 / POLLS_PER_SECOND, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling (when the view is hidden). */
    public void pause() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    /** Takes one snapshot now; the ticker calls this, tests call it directly. */
    public void poll() {
        // If the UI has not applied the previous snapshot yet, skip rather than queue up.
        if (pollPending) {
            return;
        }
        MetricsSource.Snapshot s;
        try {
            s = metrics.snapshot();
        } catch (RuntimeException e) {
            errors.report("Reading serving metrics", BackgroundTask.describe(e));
            return;
        }
        pollPending = true;
        ui.dispatch(() -> {
            pollPending = false;
            apply(s);
        });
    }

    private void apply(MetricsSource.Snapshot s) {
        history.add(s);
        if (history.size() > WINDOW) {
            history.remove(0, history.size() - WINDOW);
        }
        latest.set(s);
    }

    public void startLoad() {
        if (state.get() == State.LOADING) {
            return;
        }
        LoadGenerator.Settings settings;
        try {
            settings = new LoadGenerator.Settings(rate.get(), duration.get(), scheduler.get(), backend.get());
        } catch (IllegalArgumentException e) {
            notice.set(e.getMessage());
            return;
        }
        state.set(State.LOADING);
        notice.set("Load running: %.1f req/s for %d s on %s / %s".formatted(settings.requestsPerSecond(),
                settings.durationSeconds(), settings.scheduler(), settings.backend()));
        BackgroundTask.of(() -> load.start(settings, summary -> ui.dispatch(() -> loadDone(summary))))
                .onSuccess(r -> run = r)
                .onFailure(e -> {
                    state.set(State.IDLE);
                    errors.report("Starting the load generator", BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private void loadDone(String summary) {
        state.set(State.IDLE);
        run = null;
        notice.set(summary);
    }

    public void stopLoad() {
        if (run != null) {
            run.stop();
        }
    }

    public void exportTrace(Path directory) {
        BackgroundTask.of(() -> metrics.exportTrace(directory))
                .onSuccess(file -> notice.set("Trace written to " + file))
                .onFailure(e -> errors.report("Exporting the trace", BackgroundTask.describe(e)))
                .executeWith(executor, ui);
    }

    public ObservableList<MetricsSource.Snapshot> history() {
        return history;
    }

    public ReadOnlyObjectProperty<MetricsSource.Snapshot> latest() {
        return latest;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public DoubleProperty rate() {
        return rate;
    }

    public IntegerProperty duration() {
        return duration;
    }

    public StringProperty scheduler() {
        return scheduler;
    }

    public StringProperty backend() {
        return backend;
    }

    public java.util.List<String> schedulers() {
        return load.schedulers();
    }

    public java.util.List<String> backends() {
        return load.backends();
    }

    public StringProperty notice() {
        return notice;
    }
}
