package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.AnswerService.AnswerHandle;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.Hydration;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * One answer as it streams. Engine threads call {@link #accept}; events queue up and are applied
 * through the UI dispatcher in one batch, with consecutive text merged into one {@link AnswerPiece.TextRun},
 * so a fast stream costs one UI update per pulse rather than one per token.
 */
public final class AnswerViewModel {

    /** Where the answer is in its life. */
    public enum State {
        WAITING, STREAMING, DONE, STOPPED, FAILED
    }

    /** The shopper's or annotator's thumbs on this answer. */
    public enum Thumb {
        NONE, UP, DOWN
    }

    private final String question;
    private final AssistantConfig config;
    private final UiDispatcher ui;
    private final ConcurrentLinkedQueue<AnswerEvent> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicReference<AnswerHandle> handle = new AtomicReference<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    private final ObservableList<AnswerPiece> pieces = FXCollections.observableArrayList();
    private final ObservableMap<Integer, Hydration> hydrations = FXCollections.observableHashMap();
    // One read-only view each, kept here: a fresh unmodifiable wrapper per call would hold its
    // listeners only weakly through the wrapper and stop notifying once the wrapper is collected.
    private final ObservableList<AnswerPiece> piecesView = FXCollections.unmodifiableObservableList(pieces);
    private final ObservableMap<Integer, Hydration> hydrationsView = FXCollections.unmodifiableObservableMap(hydrations);
    private final StringProperty text = new SimpleStringProperty("");
    private final IntegerProperty tokens = new SimpleIntegerProperty();
    private final ObjectProperty<AnswerTrace> trace = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Thumb> thumb = new SimpleObjectProperty<>(Thumb.NONE);
    private final ObservableSet<String> reasons = FXCollections.observableSet();
    private final StringBuilder plain = new StringBuilder();
    private long firstTokenNanos = -1;

    public AnswerViewModel(String question, AssistantConfig config, UiDispatcher ui) {
        this.question = question;
        this.config = config;
        this.ui = ui;
    }

    /** Called from any thread, in stream order. */
    public void accept(AnswerEvent event) {
        inbox.add(event);
        if (flushScheduled.compareAndSet(false, true)) {
            ui.dispatch(this::flush);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        List<AnswerPiece> added = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int newTokens = 0;
        AnswerEvent terminal = null;
        for (AnswerEvent e; (e = inbox.poll()) != null; ) {
            if (e instanceof AnswerEvent.Text t) {
                run.append(t.text());
            } else if (e instanceof AnswerEvent.Token t) {
                newTokens++;
                if (firstTokenNanos < 0) {
                    firstTokenNanos = t.nanosSinceStart();
                }
            } else if (e instanceof AnswerEvent.Hydrated h) {
                hydrations.put(h.slot(), h.hydration());
            } else if (e instanceof AnswerEvent.Finished || e instanceof AnswerEvent.Failed) {
                terminal = e;
            } else {
                endRun(run, added);
                added.add(new AnswerPiece.Element(e));
                plain.append(plainTextOf(e));
            }
        }
        endRun(run, added);
        if (!added.isEmpty()) {
            pieces.addAll(added);
            text.set(plain.toString());
        }
        if (newTokens > 0) {
            tokens.set(tokens.get() + newTokens);
            if (state.get() == State.WAITING) {
                state.set(State.STREAMING);
            }
        }
        if (terminal instanceof AnswerEvent.Finished f) {
            finish(f.trace());
        } else if (terminal instanceof AnswerEvent.Failed f) {
            error.set(f.message());
            state.set(State.FAILED);
        }
    }

    private void endRun(StringBuilder run, List<AnswerPiece> added) {
        if (run.length() > 0) {
            added.add(new AnswerPiece.TextRun(run.toString()));
            plain.append(run);
            run.setLength(0);
            if (state.get() == State.WAITING) {
                state.set(State.STREAMING);
            }
        }
    }

    private void finish(AnswerTrace finished) {
        // The trace is the record of what happened: its token count and timing win over our counting.
        List<AnswerTrace.TokenTiming> timings = finished.tokens();
        if (!timings.isEmpty()) {
            tokens.set(timings.size());
            firstTokenNanos = timings.get(0).nanosSinceStart();
        }
        trace.set(finished);
        if ("error".equals(finished.finishReason())) {
            Object detail = finished.sections().get("error");
            error.set(detail == null ? "the answer failed" : String.valueOf(detail));
            state.set(State.FAILED);
            return;
        }
        if (state.get() != State.FAILED) {
            boolean stopped = stopRequested.get() || "stopped".equals(finished.finishReason())
                    || "cancelled".equals(finished.finishReason());
            state.set(stopped ? State.STOPPED : State.DONE);
        }
    }

    private static String plainTextOf(AnswerEvent element) {
        if (element instanceof AnswerEvent.Product p) {
            return "[product " + p.productId() + "]";
        } else if (element instanceof AnswerEvent.Compare c) {
            return "[compare " + String.join(", ", c.productIds()) + "]";
        } else if (element instanceof AnswerEvent.Cite c) {
            return "[" + c.ref() + "]";
        } else if (element instanceof AnswerEvent.Link l) {
            return l.text();
        } else if (element instanceof AnswerEvent.PluginElement p) {
            return "[" + p.label() + "]";
        }
        return "";
    }

    /** Remembers the running stream's handle; stops it at once if stop was asked for before it started. */
    public void attach(AnswerHandle running) {
        handle.set(running);
        if (stopRequested.get()) {
            running.stop();
        }
    }

    public void stop() {
        if (stopRequested.compareAndSet(false, true)) {
            AnswerHandle h = handle.get();
            if (h != null) {
                h.stop();
            }
        }
    }

    public boolean isRunning() {
        return state.get() == State.WAITING || state.get() == State.STREAMING;
    }

    public String question() {
        return question;
    }

    public AssistantConfig config() {
        return config;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public ObservableList<AnswerPiece> pieces() {
        return piecesView;
    }

    public ObservableMap<Integer, Hydration> hydrations() {
        return hydrationsView;
    }

    /** The answer as plain text (elements as short placeholders), for copying and for feedback. */
    public ReadOnlyStringProperty text() {
        return text;
    }

    public ReadOnlyIntegerProperty tokens() {
        return tokens;
    }

    /** Time to first token in milliseconds, or -1 before it arrives. */
    public double ttftMillis() {
        return firstTokenNanos < 0 ? -1 : firstTokenNanos / 1e6;
    }

    public ReadOnlyObjectProperty<AnswerTrace> trace() {
        return trace;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ObjectProperty<Thumb> thumb() {
        return thumb;
    }

    public ObservableSet<String> reasons() {
        return reasons;
    }
}
