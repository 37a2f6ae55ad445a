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
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Runs a suite over the chosen configurations and holds the results. */
public final class EvaluationsViewModel {

    /** IDLE: choose; RUNNING: progress shows; STOPPING: asked to stop, the run winds down; DONE: results are shown. */
    public enum State {
        IDLE, RUNNING, STOPPING, DONE
    }

    private final EvaluationService evaluations;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final Inspection inspection;
    private final ObservableList<String> suites = FXCollections.observableArrayList();
    private final StringProperty suite = new SimpleStringProperty();
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final ObservableList<AssistantConfig> configs = FXCollections.observableArrayList();
    private final ObservableList<AssistantConfig> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty current = new SimpleStringProperty("");
    private final ObservableList<EvaluationService.ConfigSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<EvaluationService.ItemResult> items = FXCollections.observableArrayList();
    private final ObservableList<EvaluationService.Difference> comparison = FXCollections.observableArrayList();
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
        if (state.get() == State.RUNNING || state.get() == State.STOPPING) {
            return;
        }
        EvaluationService.Request request;
        try {
            request = new EvaluationService.Request(suite.get(), List.copyOf(chosen), limit.get());
        } catch (IllegalArgumentException e) {
            progressText.set(e.getMessage() + ".");
            return;
        }
        state.set(State.RUNNING);
        progress.set(0);
        current.set("");
        progressText.set("Starting " + request.suite() + " …");
        BackgroundTask.of(() -> evaluations.run(request, p -> ui.dispatch(() -> showProgress(p))))
                .onSuccess(this::show)
                .onFailure(e -> {
                    state.set(State.IDLE);
                    current.set("");
                    progressText.set("Failed: " + BackgroundTask.describe(e));
                    errors.report("Running " + request.suite(), BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private void showProgress(EvaluationService.Progress p) {
        if (state.get() != State.RUNNING && state.get() != State.STOPPING) {
            return; // a late update after the result arrived
        }
        progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total());
        if (state.get() == State.RUNNING) {
            progressText.set(p.done() + " of " + p.total() + " items");
        }
        current.set(p.current());
    }

    private void show(EvaluationService.Report r) {
        report = r;
        summaries.setAll(r.summaries());
        showItems();
        int done = r.items().size();
        progress.set(r.stopped() ? progress.get() : 1);
        current.set("");
        progressText.set((r.stopped() ? "Stopped after " + done + " items" : "Done: " + done + " results")
                + " · report in " + r.location());
        comparison.setAll(r.comparison());
        state.set(State.DONE);
    }

    /** Ends the run: the answer in flight is cut short, no further item starts, the items done are shown. */
    public void stop() {
        if (state.get() == State.RUNNING) {
            state.set(State.STOPPING);
            progressText.set("Stopping …");
            executor.execute(evaluations::cancel);
        }
    }

    private void showItems() {
        if (report == null) {
            items.clear();
            return;
        }
        items.setAll(report.items().stream().filter(i -> !failedOnly.get() || !i.passed()).toList());
    }

    /** Opens an item's answer in the inspector; false (and says why) when the item has no answer to show. */
    public boolean drill(EvaluationService.ItemResult item) {
        if (item == null) {
            return false;
        }
        if (item.trace() == null) {
            progressText.set("Item " + item.itemId() + " has no answer to inspect" + (item.detail().isEmpty() ? "."
                    : ": " + item.detail()));
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

    /** Items to run from the start of the suite; 0 runs all. */
    public IntegerProperty limit() {
        return limit;
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

    /** What is being answered now ("greedy: Which trail shoes …"), "" between items. */
    public StringProperty current() {
        return current;
    }

    public ObservableList<EvaluationService.ConfigSummary> summaries() {
        return summaries;
    }

    public ObservableList<EvaluationService.ItemResult> items() {
        return items;
    }

    /** The paired comparison (two configurations), empty otherwise. */
    public ObservableList<EvaluationService.Difference> comparison() {
        return comparison;
    }

    public BooleanProperty failedOnly() {
        return failedOnly;
    }
}
