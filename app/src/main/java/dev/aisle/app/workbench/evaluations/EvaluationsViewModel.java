package dev.aisle.app.workbench.evaluations;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Runs a suite over the chosen configurations and holds the results. */
public final class EvaluationsViewModel {

    /** IDLE: choose; RUNNING: progress shows; DONE: results are shown. */
    public enum State {
        IDLE, RUNNING, DONE
    }

    private final EvaluationService evaluations;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final Inspection inspection;
    private final ObservableList<String> suites = FXCollections.observableArrayList();
    private final StringProperty suite = new SimpleStringProperty();
    private final ObservableList<AssistantConfig> configs = FXCollections.observableArrayList();
    private final ObservableList<AssistantConfig> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObservableList<EvaluationService.ConfigSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<EvaluationService.ItemResult> items = FXCollections.observableArrayList();
    private final BooleanProperty failedOnly = new SimpleBooleanProperty(false);
    private EvaluationService.Report report;

    public EvaluationsViewModel(EvaluationService evaluations, List<AssistantConfig> configs, Executor executor,
                                UiDispatcher ui, ErrorReporter errors, Inspection inspection) {
        this.evaluations = evaluations;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.inspection = inspection;
        this.configs.setAll(configs);
        if (!configs.isEmpty()) {
            chosen.add(configs.get(0));
        }
        BackgroundTask.of(evaluations::suites)
                .onSuccess(list -> {
                    suites.setAll(list);
                    if (!list.isEmpty() && suite.get() == null) {
                        suite.set(list.get(0));
                    }
                })
                .onFailure(e -> errors.report("Listing evaluation suites", BackgroundTask.describe(e)))
                .executeWith(executor, ui);
        failedOnly.addListener((o, a, b) -> showItems());
    }

    public void run() {
        if (state.get() == State.RUNNING) {
            return;
        }
        if (suite.get() == null || chosen.isEmpty()) {
            progressText.set("Pick a suite and at least one configuration.");
            return;
        }
        state.set(State.RUNNING);
        progress.set(0);
        progressText.set("Starting " + suite.get() + " …");
        String s = suite.get();
        List<AssistantConfig> cs = List.copyOf(chosen);
        BackgroundTask.of(() -> evaluations.run(s, cs, p -> ui.dispatch(() -> {
                    progress.set(p[1] == 0 ? 0 : (double) p[0] / p[1]);
                    progressText.set(p[0] + " of " + p[1] + " items");
                })))
                .onSuccess(r -> {
                    report = r;
                    summaries.setAll(r.summaries());
                    showItems();
                    progress.set(1);
                    progressText.set("Done: " + r.items().size() + " results");
                    state.set(State.DONE);
                })
                .onFailure(e -> {
                    state.set(State.IDLE);
                    progressText.set("Failed: " + BackgroundTask.describe(e));
                    errors.report("Running " + s, BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private void showItems() {
        if (report == null) {
            items.clear();
            return;
        }
        items.setAll(report.items().stream().filter(i -> !failedOnly.get() || !i.passed()).toList());
    }

    /** Opens an item's answer in the inspector; false when the item has no trace. */
    public boolean drill(EvaluationService.ItemResult item) {
        if (item == null || item.trace() == null) {
            return false;
        }
        inspection.inspect(item.trace(), "");
        return true;
    }

    public ObservableList<String> suites() {
        return suites;
    }

    public StringProperty suite() {
        return suite;
    }

    public ObservableList<AssistantConfig> configs() {
        return configs;
    }

    public ObservableList<AssistantConfig> chosen() {
        return chosen;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty progressText() {
        return progressText;
    }

    public ObservableList<EvaluationService.ConfigSummary> summaries() {
        return summaries;
    }

    public ObservableList<EvaluationService.ItemResult> items() {
        return items;
    }

    public BooleanProperty failedOnly() {
        return failedOnly;
    }
}
