package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.function.Consumer;

/** Runs evaluation suites over configurations and returns per-item results. Blocking: use an executor. */
public interface EvaluationService {

    List<String> suites();

    /** Runs {@code suite} for each configuration; {@code progress} gets (done, total) along the way. */
    Report run(String suite, List<AssistantConfig> configs, Consumer<int[]> progress) throws Exception;

    /** A finished run: aggregate metrics per configuration and each item's outcome. */
    record Report(String suite, List<ConfigSummary> summaries, List<ItemResult> items) {
        public Report {
            summaries = List.copyOf(summaries);
            items = List.copyOf(items);
        }
    }

    /** Aggregate figures for one configuration. */
    record ConfigSummary(String config, int items, int passed, double score) {
    }

    /** One item's outcome; {@code trace} is the AnswerTrace id for drilling into the inspector. */
    record ItemResult(String itemId, String config, String question, boolean passed, double score, String detail,
                      dev.aisle.engine.trace.AnswerTrace trace) {
    }
}
