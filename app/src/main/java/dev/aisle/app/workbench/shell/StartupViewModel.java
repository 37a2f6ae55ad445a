package dev.aisle.app.workbench.shell;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.Services;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Drives the startup screen: runs {@link EngineStartup#prepare} off the FX thread and mirrors its progress. */
public final class StartupViewModel {

    /** Where startup is. */
    public enum State {
        NOT_STARTED, PREPARING, READY, FAILED
    }

    private final EngineStartup startup;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.NOT_STARTED);
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty fraction = new SimpleDoubleProperty(-1);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final long startNanos = System.nanoTime();

    public StartupViewModel(EngineStartup startup, Executor executor, UiDispatcher ui) {
        this.startup = startup;
        this.executor = executor;
        this.ui = ui;
    }

    /** Starts preparing; {@code ready} gets the services, {@code failed} a message naming what went wrong. */
    public void start(Consumer<Services> ready, Consumer<String> failed) {
        if (state.get() != State.NOT_STARTED) {
            throw new IllegalStateException("startup already " + state.get());
        }
        state.set(State.PREPARING);
        BackgroundTask.of(() -> startup.prepare(p -> ui.dispatch(() -> show(p))))
                .onSuccess(services -> {
                    state.set(State.READY);
                    fraction.set(1);
                    message.set("Ready in %.1f s".formatted((System.nanoTime() - startNanos) / 1e9));
                    ready.accept(services);
                })
                .onFailure(e -> {
                    state.set(State.FAILED);
                    message.set(BackgroundTask.describe(e));
                    failed.accept(BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private void show(EngineStartup.Progress p) {
        if (!p.stage().equals(stage.get())) {
            log.add("%5.1f s  %s".formatted((System.nanoTime() - startNanos) / 1e9, p.stage()));
        }
        stage.set(p.stage());
        message.set(p.message());
        fraction.set(p.fraction());
    }

    public ObjectProperty<State> state() {
        return state;
    }

    public StringProperty stage() {
        return stage;
    }

    public StringProperty message() {
        return message;
    }

    public DoubleProperty fraction() {
        return fraction;
    }

    public ObservableList<String> log() {
        return log;
    }
}
