package dev.aisle.app.workbench.training;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Starts DPO / KTO on the feedback store and follows the curves. */
public final class TrainingViewModel {

    /** IDLE: ready; TRAINING: curves grow; STOPPING: asked to stop after this step; DONE: a model is registered. */
    public enum State {
        IDLE, TRAINING, STOPPING, DONE
    }

    private final TrainingService training;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final Consumer<AssistantConfig> useInChat;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<TrainingService.Method> method = new SimpleObjectProperty<>(TrainingService.Method.DPO);
    private final IntegerProperty steps = new SimpleIntegerProperty(100);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(5e-5);
    private final DoubleProperty beta = new SimpleDoubleProperty(0.1);
    private final ObservableList<TrainingService.CurvePoint> curve = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingService.FeedbackCounts> counts =
            new SimpleObjectProperty<>(new TrainingService.FeedbackCounts(0, 0, 0, 0));
    private final BooleanProperty countsKnown = new SimpleBooleanProperty(false);
    private final BooleanProperty enoughFeedback = new SimpleBooleanProperty(false);
    private final StringProperty feedbackNote = new SimpleStringProperty("Counting feedback …");
    private final StringProperty stepText = new SimpleStringProperty("");
    private final ObjectProperty<TrainingService.Result> result = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");

    public TrainingViewModel(TrainingService training, Executor executor, UiDispatcher ui, ErrorReporter errors,
                             Consumer<AssistantConfig> useInChat) {
        this.training = training;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.useInChat = useInChat;
        method.addListener((o, a, b) -> judgeFeedback());
        counts.addListener((o, a, b) -> judgeFeedback());
    }

    public void refreshCounts() {
        BackgroundTask.of(training::feedbackCounts)
                .onSuccess(c -> {
                    countsKnown.set(true);
                    counts.set(c);
                    judgeFeedback();
                })
                .onFailure(e -> errors.report("Counting feedback", BackgroundTask.describe(e)))
                .executeWith(executor, ui);
    }

    /** Says, before anyone presses Start, whether the chosen method has anything to train on. */
    private void judgeFeedback() {
        if (!countsKnown.get()) {
            return;
        }
        TrainingService.Method m = method.get();
        int n = counts.get().examplesFor(m);
        enoughFeedback.set(n >= m.minimumExamples());
        if (enoughFeedback.get()) {
            feedbackNote.set(m + " will train on " + n + (m == TrainingService.Method.DPO ? " preference pairs." : " rated answers."));
        } else if (m == TrainingService.Method.DPO) {
            feedbackNote.set("No feedback to train DPO on yet: it needs at least one preference pair with a winner. "
                    + "Press A or B on two answers in Side-by-side (ties and both-bad are not used).");
        } else {
            feedbackNote.set("No feedback to train KTO on yet: it needs at least two answers rated thumbs up or down "
                    + "(in Chat or Annotate), and an answer's thumbs must not cancel out.");
        }
    }

    public void start() {
        if (state.get() == State.TRAINING || state.get() == State.STOPPING) {
            return;
        }
        if (countsKnown.get() && !enoughFeedback.get()) {
            notice.set(feedbackNote.get());
            return;
        }
        TrainingService.Request request;
        try {
            request = new TrainingService.Request(method.get(), steps.get(), learningRate.get(), beta.get());
        } catch (IllegalArgumentException e) {
            notice.set(e.getMessage());
            return;
        }
        curve.clear();
        result.set(null);
        stepText.set("");
        state.set(State.TRAINING);
        notice.set(request.method() + " training started: exporting the feedback and loading the model twice "
                + "(policy and frozen reference) …");
        BackgroundTask.of(() -> training.train(request, p -> ui.dispatch(() -> addPoint(p, request.steps()))))
                .onSuccess(r -> {
                    result.set(r);
                    state.set(State.DONE);
                    notice.set(r.summary());
                    refreshCounts();
                })
                .onFailure(e -> {
                    state.set(State.IDLE);
                    notice.set("Training failed: " + BackgroundTask.describe(e));
                    errors.report(request.method() + " training", BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private void addPoint(TrainingService.CurvePoint p, int of) {
        curve.add(p);
        stepText.set(String.format(Locale.ROOT, "step %d of %d · loss %.4f · reward margin %+.3f · accuracy %.2f",
                p.step(), of, p.loss(), p.rewardMargin(), p.accuracy()));
    }

    /** Ends training after the current step; the steps done so far are saved and registered. */
    public void stop() {
        if (state.get() == State.TRAINING) {
            state.set(State.STOPPING);
            training.stop(); // raises a flag the trainer reads before its next step: returns at once
            notice.set("Stopping after the current step; the steps done so far become the model …");
        }
    }

    /** Adds the trained model's configuration to the chat and selects it there. */
    public void useInChat() {
        if (result.get() != null) {
            useInChat.accept(result.get().config());
            notice.set("Chat now answers with " + result.get().config().name() + ".");
        }
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public ObjectProperty<TrainingService.Method> method() {
        return method;
    }

    public IntegerProperty steps() {
        return steps;
    }

    public DoubleProperty learningRate() {
        return learningRate;
    }

    public DoubleProperty beta() {
        return beta;
    }

    public ObservableList<TrainingService.CurvePoint> curve() {
        return curve;
    }

    public ReadOnlyObjectProperty<TrainingService.FeedbackCounts> counts() {
        return counts;
    }

    /** True once the counts are known and the chosen method has enough examples. */
    public ReadOnlyBooleanProperty enoughFeedback() {
        return enoughFeedback;
    }

    /** What the chosen method would train on, or why there is nothing to train on. */
    public ReadOnlyStringProperty feedbackNote() {
        return feedbackNote;
    }

    /** The latest step's figures. */
    public ReadOnlyStringProperty stepText() {
        return stepText;
    }

    public ReadOnlyObjectProperty<TrainingService.Result> result() {
        return result;
    }

    public StringProperty notice() {
        return notice;
    }
}
