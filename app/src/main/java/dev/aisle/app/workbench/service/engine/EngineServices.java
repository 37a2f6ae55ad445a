package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.app.workbench.service.MetricsSource;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.service.TrainingService;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.feedback.FeedbackStore;
import java.util.List;

/** The workbench's services on the embedded engine; closing releases runtime, store and load stacks. */
final class EngineServices implements Services {

    private final AssistantRuntime runtime;
    private final FeedbackStore store;
    private final AssistantAnswers answers;
    private final FeedbackAdapters feedback;
    private final ServingMetrics metrics;
    private final ServingLoad load;
    private final EvaluationService evaluations;
    private final TrainingService training;
    /** Bare evidence-source providers found at start; the registry's plugins are read fresh, with their incidents. */
    private final List<PluginInfo> bareSources;
    private final String description;

    EngineServices(AssistantRuntime runtime, FeedbackStore store, AssistantAnswers answers, ServingMetrics metrics,
                   ServingLoad load, EvaluationService evaluations, TrainingService training, List<PluginInfo> bareSources,
                   String description) {
        this.runtime = runtime;
        this.store = store;
        this.answers = answers;
        this.feedback = FeedbackAdapters.on(store);
        this.metrics = metrics;
        this.load = load;
        this.evaluations = evaluations;
        this.training = training;
        this.bareSources = List.copyOf(bareSources);
        this.description = description;
    }

    @Override
    public AnswerService answers() {
        return answers;
    }

    @Override
    public FeedbackSink feedback() {
        return feedback.feedback();
    }

    @Override
    public AnnotationQueue annotations() {
        return feedback.annotations();
    }

    @Override
    public MetricsSource metrics() {
        return metrics;
    }

    @Override
    public LoadGenerator loadGenerator() {
        return load;
    }

    @Override
    public EvaluationService evaluations() {
        return evaluations;
    }

    @Override
    public TrainingService training() {
        return training;
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> now = new java.util.ArrayList<>(bareSources);
        runtime.pluginStatuses().forEach(s -> now.add(PluginListing.of(s)));
        return now;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        load.close();
        runtime.close();
        store.close();
    }
}
