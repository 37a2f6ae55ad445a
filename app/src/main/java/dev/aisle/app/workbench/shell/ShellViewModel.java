package dev.aisle.app.workbench.shell;

import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.UiDispatcher;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: which section is shown, whether the engine is ready, and the errors the
 * user has not dismissed yet. It is the application's {@link ErrorReporter}.
 */
public final class ShellViewModel implements ErrorReporter {

    /** The engine's readiness as the status bar shows it. */
    public enum EngineState {
        PREPARING, READY, FAILED
    }

    /** One reported failure. */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    private final UiDispatcher ui;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.CHAT);
    private final ObjectProperty<EngineState> engine = new SimpleObjectProperty<>(EngineState.PREPARING);
    private final StringProperty engineDescription = new SimpleStringProperty("Preparing the engine …");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();

    public ShellViewModel(UiDispatcher ui) {
        this.ui = ui;
    }

    /** Thread-safe: failures are reported from engine threads too. */
    @Override
    public void report(String where, String message) {
        ui.dispatch(() -> {
            Problem p = new Problem(where, message == null ? "unknown error" : message);
            problems.remove(p);
            problems.add(p);
            // A long-running session should not pile up hundreds of banners.
            if (problems.size() > 5) {
                problems.remove(0);
            }
        });
    }

    public void dismissProblem() {
        if (!problems.isEmpty()) {
            problems.remove(problems.size() - 1);
        }
    }

    public void engineReady(String description) {
        engine.set(EngineState.READY);
        engineDescription.set(description);
    }

    public void engineFailed(String message) {
        engine.set(EngineState.FAILED);
        engineDescription.set("Engine failed: " + message);
        report("Preparing the engine", message);
    }

    public ObjectProperty<Section> section() {
        return section;
    }

    public ObjectProperty<EngineState> engine() {
        return engine;
    }

    public StringProperty engineDescription() {
        return engineDescription;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }
}
