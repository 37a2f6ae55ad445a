package dev.aisle.app.workbench.training;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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

/** Starts DPO / KTO on the feedback store and follows the curves. */
public final class TrainingViewModel {

    /** IDLE: ready; TRAINING: curves grow; DONE: a model is registered. */
    public enum State {
        IDLE, TRAINING, DONE
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
            new SimpleObjectProperty<>(new TrainingService.FeedbackCounts(0, 0));
    private final ObjectProperty<TrainingService.Result> result = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");

    public TrainingViewModel(TrainingService training, Executor executor, UiDispatcher ui, ErrorReporter errors,
                             Consumer<AssistantConfig> useInChat) {
        this.training = training;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.useInChat = useInChat;
    }

    public void refreshCounts() {
        BackgroundTask.of(training::feedbackCounts)
                .onSuccess(counts::set)
                .onFailure(e -> errors.report("Counting feedback", BackgroundTask.describe(e)))
                .executeWith(executor, ui);
    }

    public void start() {
        if (state.get() == State.TRAINING) {
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
        state.set(State.TRAINING);
        notice.set(request.method() + " training started …");
        BackgroundTask.of(() -> training.train(request, p -> ui.dispatch(() -> curve.add(p))))
                .onSuccess(r -> {
                    result.set(r);
                    state.set(State.DONE);
                    notice.set(r.summary());
                })
                .onFailure(e -> {
                    state.set(State.IDLE);
                    notice.set("Training failed: " + BackgroundTask.describe(e));
                    errors.report(request.method() + " training", BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    public void stop() {
        if (state.get() == State.TRAINING) {
            executor.execute(training::stop);
            notice.set("Stopping after the current step …");
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

    public ReadOnlyObjectProperty<TrainingService.Result> result() {
        return result;
    }

    public StringProperty notice() {
        return notice;
    }
}
