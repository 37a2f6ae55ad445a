package dev.aisle.app.workbench.compare;

import dev.aisle.app.workbench.chat.AnswerViewModel;
import dev.aisle.app.workbench.common.BackgroundTask;
import dev.aisle.app.workbench.common.ErrorReporter;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.app.workbench.service.FeedbackSink.Verdict;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One question, two configurations, one verdict. */
public final class CompareViewModel {

    /** IDLE: ready to ask; ANSWERING: streams running; JUDGING: both done, verdict awaited; JUDGED: stored. */
    public enum State {
        IDLE, ANSWERING, JUDGING, JUDGED
    }

    private final AnswerService answers;
    private final FeedbackSink feedback;
    private final Executor executor;
    private final UiDispatcher ui;
    private final ErrorReporter errors;
    private final Inspection inspection;
    private final ObservableList<AssistantConfig> configs = FXCollections.observableArrayList();
    private final ObjectProperty<AssistantConfig> configA = new SimpleObjectProperty<>();
    private final ObjectProperty<AssistantConfig> configB = new SimpleObjectProperty<>();
    private final StringProperty question = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<AnswerViewModel> answerA = new SimpleObjectProperty<>();
    private final ObjectProperty<AnswerViewModel> answerB = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final IntegerProperty judged = new SimpleIntegerProperty();

    public CompareViewModel(AnswerService answers, FeedbackSink feedback, Executor executor, UiDispatcher ui,
                            ErrorReporter errors, Inspection inspection) {
        this.answers = answers;
        this.feedback = feedback;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.inspection = inspection;
        configs.setAll(answers.configurations());
        if (!configs.isEmpty()) {
            configA.set(configs.get(0));
            configB.set(configs.get(Math.min(1, configs.size() - 1)));
        }
    }

    /** Sends the question to both configurations at once. */
    public void ask() {
        String q = question.get() == null ? "" : question.get().strip();
        if (q.isEmpty() || state.get() == State.ANSWERING || configA.get() == null || configB.get() == null) {
            return;
        }
        verdict.set(null);
        AnswerViewModel a = start(q, configA.get());
        AnswerViewModel b = start(q, configB.get());
        answerA.set(a);
        answerB.set(b);
        state.set(State.ANSWERING);
        notice.set("Answering with " + configA.get().name() + " and " + configB.get().name() + " …");
        bothDone();
    }

    private AnswerViewModel start(String q, AssistantConfig config) {
        AnswerViewModel answer = new AnswerViewModel(q, config, ui);
        answer.state().addListener((o, was, now) -> {
            if (now == AnswerViewModel.State.FAILED) {
                errors.report("Answering with " + config.name(), answer.error().get());
            }
            bothDone();
        });
        BackgroundTask.of(() -> answers.ask(List.of(), q, config, answer::accept))
                .onSuccess(answer::attach)
                .onFailure(e -> answer.accept(new AnswerEvent.Failed(BackgroundTask.describe(e))))
                .executeWith(executor, ui);
        return answer;
    }

    private void bothDone() {
        AnswerViewModel a = answerA.get();
        AnswerViewModel b = answerB.get();
        if (a != null && b != null && !a.isRunning() && !b.isRunning() && state.get() == State.ANSWERING) {
            state.set(State.JUDGING);
            notice.set("Which is better? A · B · T tie · X both bad");
        }
    }

    /** Stores the verdict as a preference; only once both answers are complete. */
    public void judge(Verdict v) {
        if (state.get() != State.JUDGING && state.get() != State.JUDGED) {
            notice.set(state.get() == State.ANSWERING ? "Wait until both answers are complete." : "Ask a question first.");
            return;
        }
        AnswerViewModel a = answerA.get();
        AnswerViewModel b = answerB.get();
        FeedbackSink.Preference p = new FeedbackSink.Preference(a.question(), traceId(a), a.text().get(),
                a.config().name(), traceId(b), b.text().get(), b.config().name(), v, "workbench");
        verdict.set(v);
        BackgroundTask.run(() -> feedback.prefer(p))
                .onSuccess(x -> {
                    if (state.get() != State.JUDGED) {
                        judged.set(judged.get() + 1);
                    }
                    state.set(State.JUDGED);
                    notice.set("Stored: " + describe(v) + ". Ask the next question.");
                })
                .onFailure(e -> {
                    verdict.set(null);
                    errors.report("Saving the preference", BackgroundTask.describe(e));
                })
                .executeWith(executor, ui);
    }

    private static String traceId(AnswerViewModel a) {
        return a.trace().get() == null ? "" : a.trace().get().id();
    }

    static String describe(Verdict v) {
        return switch (v) {
            case A_BETTER -> "A is better";
            case B_BETTER -> "B is better";
            case TIE -> "tie";
            case BOTH_BAD -> "both bad";
        };
    }

    public void stop() {
        if (answerA.get() != null) {
            answerA.get().stop();
        }
        if (answerB.get() != null) {
            answerB.get().stop();
        }
    }

    /** Swaps the two configurations (to check a judge's position bias). */
    public void swap() {
        AssistantConfig a = configA.get();
        configA.set(configB.get());
        configB.set(a);
    }

    public void inspect(AnswerViewModel answer) {
        if (answer != null && answer.trace().get() != null) {
            inspection.inspect(answer.trace().get(), "");
        }
    }

    public ObservableList<AssistantConfig> configs() {
        return configs;
    }

    public ObjectProperty<AssistantConfig> configA() {
        return configA;
    }

    public ObjectProperty<AssistantConfig> configB() {
        return configB;
    }

    public StringProperty question() {
        return question;
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public ReadOnlyObjectProperty<AnswerViewModel> answerA() {
        return answerA;
    }

    public ReadOnlyObjectProperty<AnswerViewModel> answerB() {
        return answerB;
    }

    public ReadOnlyObjectProperty<Verdict> verdict() {
        return verdict;
    }

    public StringProperty notice() {
        return notice;
    }

    public IntegerProperty judgedCount() {
        return judged;
    }
}
