package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.FeedbackSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A multi-turn conversation with the assistant. The View binds to {@link #state()}: IDLE lets the
 * shopper ask, ANSWERING offers stop.
 */
public final class ChatViewModel {

    /** Whether an answer is streaming. */
    public enum State {
        IDLE, ANSWERING
    }

    private final AnswerService answers;
    private final FeedbackSink feedback;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final Inspection inspection;

    private final ObservableList<AnswerViewModel> turns = FXCollections.observableArrayList();
    private final ObservableList<AssistantConfig> configs = FXCollections.observableArrayList();
    private final ObjectProperty<AssistantConfig> config = new SimpleObjectProperty<>();
    private final StringProperty question = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty notice = new SimpleStringProperty("");

    public ChatViewModel(AnswerService answers, FeedbackSink feedback, Executor executor, UiDispatcher ui,
                         ErrorReporter errors, Inspection inspection) {
        this.answers = answers;
        this.feedback = feedback;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.inspection = inspection;
        configs.setAll(answers.configurations());
        if (!configs.isEmpty()) {
            config.set(configs.get(0));
        }
    }

    /** Asks the question typed so far; does nothing while an answer streams or when it is blank. */
    public void ask() {
        String q = question.get() == null ? "" : question.get().strip();
        if (q.isEmpty() || state.get() != State.IDLE) {
            return;
        }
        if (config.get() == null) {
            notice.set("No configuration is available to answer with.");
            return;
        }
        question.set("");
        start(q, history(turns.size()));
    }

    /** Asks the last question again, replacing its answer, with the configuration now selected. */
    public void regenerate() {
        if (turns.isEmpty() || state.get() != State.IDLE) {
            return;
        }
        AnswerViewModel last = turns.remove(turns.size() - 1);
        start(last.question(), history(turns.size()));
    }

    public void stop() {
        if (!turns.isEmpty()) {
            turns.get(turns.size() - 1).stop();
        }
    }

    /** Forgets the conversation. */
    public void clear() {
        stop();
        turns.clear();
        state.set(State.IDLE);
    }

    private List<AnswerService.Turn> history(int upTo) {
        List<AnswerService.Turn> earlier = new ArrayList<>();
        for (AnswerViewModel t : turns.subList(0, upTo)) {
            earlier.add(new AnswerService.Turn(t.question(), t.text().get()));
        }
        return earlier;
    }

    private void start(String q, List<AnswerService.Turn> earlier) {
        AssistantConfig chosen = config.get();
        AnswerViewModel answer = new AnswerViewModel(q, chosen, ui);
        turns.add(answer);
        state.set(State.ANSWERING);
        answer.state().addListener((obs, was, now) -> {
            if (now != AnswerViewModel.State.WAITING && now != AnswerViewModel.State.STREAMING) {
                state.set(State.IDLE);
                if (answer.trace().get() != null) {
                    inspection.inspect(answer.trace().get(), "");
                    record(answer);
                }
                if (now == AnswerViewModel.State.FAILED) {
                    errors.report("Answering", answer.error().get());
                }
            }
        });
        BackgroundTask.of(() -> answers.ask(earlier, q, chosen, answer::accept))
                .onSuccess(answer::attach)
                .onFailure(e -> answer.accept(new dev.aisle.app.workbench.service.AnswerEvent.Failed(
                        BackgroundTask.describe(e))))
                .executeWith(executor, ui);
    }

    private void record(AnswerViewModel answer) {
        BackgroundTask.run(() -> feedback.answered(answer.trace().get(), answer.config()))
                .onFailure(e -> errors.report("Recording the answer", BackgroundTask.describe(e)))
                .executeWith(executor, ui);
    }

    /** Stores thumbs (and the selected reasons) for an answer in the feedback store. */
    public void rate(AnswerViewModel answer, boolean up) {
        if (answer.trace().get() == null) {
            notice.set("Wait for the answer to finish before rating it.");
            return;
        }
        answer.thumb().set(up ? AnswerViewModel.Thumb.UP : AnswerViewModel.Thumb.DOWN);
        FeedbackSink.Rating rating = new FeedbackSink.Rating(answer.trace().get().id(), answer.question(),
                answer.text().get(), up, Set.copyOf(answer.reasons()), "", "workbench");
        BackgroundTask.run(() -> feedback.rate(rating))
                .onSuccess(v -> notice.set("Feedback saved."))
                .onFailure(e -> {
                    answer.thumb().set(AnswerViewModel.Thumb.NONE);
                    errors.report("Saving feedback", BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    /**
     * Follows an in-store link from an answer: a search fills the question field with its words;
     * categories and products are named in the notice (the workbench has no store pages of its own).
     */
    public void navigate(String target) {
        if (target.startsWith("search:")) {
            question.set(target.substring("search:".length()).strip());
            notice.set("Store search — press Enter to ask about it.");
        } else if (target.startsWith("category:") || target.startsWith("product:")) {
            notice.set("Store navigation → " + target);
        } else {
            notice.set("Not a store link: " + target);
        }
    }

    /** Shows an answer's trace in the inspector, with citation {@code ref} highlighted ("" for none). */
    public void inspect(AnswerViewModel answer, String ref) {
        if (answer.trace().get() != null) {
            inspection.inspect(answer.trace().get(), ref);
        }
    }

    public Set<String> reasonTags() {
        return feedback.reasonTags();
    }

    public ObservableList<AnswerViewModel> turns() {
        return turns;
    }

    public ObservableList<AssistantConfig> configs() {
        return configs;
    }

    public ObjectProperty<AssistantConfig> config() {
        return config;
    }

    public StringProperty question() {
        return question;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    /** A short message for the user (feedback saved, nothing to rate yet …). */
    public StringProperty notice() {
        return notice;
    }

    /** True when the ask button should be enabled. */
    public javafx.beans.binding.BooleanBinding canAsk() {
        return Bindings.createBooleanBinding(() -> state.get() == State.IDLE && question.get() != null
                && !question.get().isBlank(), state, question);
    }
}
