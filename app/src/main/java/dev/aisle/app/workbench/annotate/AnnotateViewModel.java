package dev.aisle.app.workbench.annotate;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.AnnotationQueue.Item;
import dev.aisle.app.workbench.service.AnnotationQueue.Verdict;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/** Works through the annotation queue one item at a time. */
public final class AnnotateViewModel {

    /** LOADING: fetching; LABELLING: an item is shown; SAVING: writing a label; EMPTY: queue done. */
    public enum State {
        LOADING, LABELLING, SAVING, EMPTY
    }

    private static final int BATCH = 20;

    private final AnnotationQueue queue;
    private final List<String> tags;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final StringProperty annotator = new SimpleStringProperty("annotator-1");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> current = new SimpleObjectProperty<>();
    private final ObservableSet<String> reasons = FXCollections.observableSet();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ObjectProperty<AnnotationQueue.Progress> progress =
            new SimpleObjectProperty<>(new AnnotationQueue.Progress(0, 0));
    private final ObjectProperty<AnnotationQueue.Agreement> agreement =
            new SimpleObjectProperty<>(new AnnotationQueue.Agreement(0, Double.NaN, Double.NaN));

    public AnnotateViewModel(AnnotationQueue queue, List<String> reasonTags, Executor executor, UiDispatcher ui,
                             ErrorReporter errors) {
        this.queue = queue;
        this.tags = List.copyOf(reasonTags);
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
    }

    /** (Re)loads the queue for the current annotator. */
    public void load() {
        state.set(State.LOADING);
        String who = annotator.get();
        BackgroundTask.of(() -> new Loaded(queue.pending(who, BATCH), queue.progress(who), queue.agreement()))
                .onSuccess(this::loaded)
                .onFailure(e -> {
                    errors.report("Loading the annotation queue", BackgroundTask.describe(e));
                    state.set(State.EMPTY);
                })
                .executeWith(executor, ui);
    }

    private record Loaded(List<Item> items, AnnotationQueue.Progress progress, AnnotationQueue.Agreement agreement) {
    }

    private void loaded(Loaded l) {
        items.setAll(l.items());
        progress.set(l.progress());
        agreement.set(l.agreement());
        next();
    }

    private void next() {
        reasons.clear();
        comment.set("");
        if (items.isEmpty()) {
            current.set(null);
            state.set(State.EMPTY);
        } else {
            current.set(items.get(0));
            state.set(State.LABELLING);
        }
    }

    /** Labels the shown item and moves on; the reasons and comment typed so far go with it. */
    public void label(Verdict verdict) {
        Item item = current.get();
        if (state.get() != State.LABELLING || item == null) {
            return;
        }
        AnnotationQueue.Label label = new AnnotationQueue.Label(item.itemId(), annotator.get(), verdict,
                reasons, comment.get());
        state.set(State.SAVING);
        String who = annotator.get();
        BackgroundTask.of(() -> {
            queue.label(label);
            return new Loaded(List.of(), queue.progress(who), queue.agreement());
        }).onSuccess(l -> {
            items.remove(item);
            progress.set(l.progress());
            agreement.set(l.agreement());
            if (items.isEmpty()) {
                load();
            } else {
                next();
            }
        }).onFailure(e -> {
            state.set(State.LABELLING);
            errors.report("Saving the label", BackgroundTask.describe(e));
        }).executeWith(executor, ui);
    }

    /** Toggles the i-th reason tag (0-based), as the digit keys do. */
    public void toggleReason(int index) {
        if (index < 0 || index >= tags.size()) {
            return;
        }
        String tag = tags.get(index);
        if (!reasons.remove(tag)) {
            reasons.add(tag);
        }
    }

    public List<String> tags() {
        return tags;
    }

    public StringProperty annotator() {
        return annotator;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public ReadOnlyObjectProperty<Item> current() {
        return current;
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObservableSet<String> reasons() {
        return reasons;
    }

    public StringProperty comment() {
        return comment;
    }

    public ReadOnlyObjectProperty<AnnotationQueue.Progress> progress() {
        return progress;
    }

    public ReadOnlyObjectProperty<AnnotationQueue.Agreement> agreement() {
        return agreement;
    }
}
