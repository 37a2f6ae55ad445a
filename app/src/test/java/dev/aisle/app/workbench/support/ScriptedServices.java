package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.app.workbench.service.MetricsSource;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.List;

/** Services for wiring tests; parts not given are unsupported and say so when used. */
public final class ScriptedServices implements Services {

    public final ScriptedAnswers answers;
    public final RecordingFeedback feedback = new RecordingFeedback();
    public final InMemoryAnnotations annotations = new InMemoryAnnotations(3);
    public final ScriptedEvaluations evaluations = new ScriptedEvaluations();
    public final ScriptedTraining training = new ScriptedTraining();
    public final RecordingLoad load = new RecordingLoad();
    public final dev.aisle.app.workbench.service.engine.ServingMetrics metrics =
            new dev.aisle.app.workbench.service.engine.ServingMetrics("continuous");
    public boolean closed;

    public ScriptedServices(ScriptedAnswers answers) {
        this.answers = answers;
    }

    /** A startup that reports two stages and returns these services. */
    public EngineStartup startup() {
        return progress -> {
            progress.accept(new EngineStartup.Progress("Generating corpus", 0.5, "products 500/1000"));
            progress.accept(new EngineStartup.Progress("Building index", 0.9, "documents 900/1000"));
            return this;
        };
    }

    @Override
    public AnswerService answers() {
        return answers;
    }

    @Override
    public FeedbackSink feedback() {
        return feedback;
    }

    @Override
    public AnnotationQueue annotations() {
        return annotations;
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
        return List.of(new PluginInfo("demo-plugin", "1.0", "source", ""));
    }

    @Override
    public String description() {
        return "scripted engine for tests";
    }

    @Override
    public void close() {
        closed = true;
    }
}
