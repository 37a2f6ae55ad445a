package dev.aisle.app.workbench.service;

import java.util.List;

/**
 * Everything the views need from a prepared engine. Closing it releases the engine (model memory,
 * database connections, scheduler threads) in one place.
 */
public interface Services extends AutoCloseable {

    AnswerService answers();

    FeedbackSink feedback();

    AnnotationQueue annotations();

    MetricsSource metrics();

    LoadGenerator loadGenerator();

    EvaluationService evaluations();

    TrainingService training();

    /** Loaded plugins for the settings page. */
    List<PluginInfo> plugins();

    /** A one-line description of what is loaded (for the status bar). */
    String description();

    @Override
    void close();

    /**
     * A plugin and how loading it went.
     *
     * @param kind      what it contributes ("1 markup element, 1 backend"), or what kind of provider it is
     * @param incidents its failures and cut-offs since the engine started ("2 incidents, last: …"), "" for none
     */
    record PluginInfo(String name, String version, String kind, String error, String incidents) {
        public PluginInfo(String name, String version, String kind, String error) {
            this(name, version, kind, error, "");
        }
    }
}
