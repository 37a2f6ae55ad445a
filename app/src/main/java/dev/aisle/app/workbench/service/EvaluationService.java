package dev.aisle.app.workbench.service;

import dev.aisle.engine.trace.AnswerTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs evaluation suites over configurations and returns per-item results. Blocking: use an executor. */
public interface EvaluationService {

    List<String> suites();

    /** Runs the request; {@code progress} hears after every item (from the evaluating thread). */
    Report run(Request request, Consumer<Progress> progress) throws Exception;

    /** Ends a running evaluation: the answer in flight is cut short and no further item starts. */
    void cancel();

    /**
     * One evaluation: a suite over one configuration, or two for a paired comparison.
     *
     * @param limit run only the first {@code limit} items; 0 runs them all
     */
    record Request(String suite, List<AssistantConfig> configs, int limit) {
        public Request {
            if (suite == null || suite.isBlank()) {
                throw new IllegalArgumentException("pick a suite");
            }
            configs = List.copyOf(configs);
            if (configs.isEmpty() || configs.size() > 2) {
                throw new IllegalArgumentException("pick one configuration, or two to compare them; got " + configs.size());
            }
            if (limit < 0) {
                throw new IllegalArgumentException("item limit must be >= 0 (0 = all), got " + limit);
            }
        }
    }

    /** Where a run is: items done over all configurations, and what is being answered now. */
    record Progress(int done, int total, String current) {
    }

    /**
     * A finished (or stopped) run: aggregate metrics per configuration, each item's outcome, the
     * paired comparison when two configurations ran, and where the report files were written.
     */
    record Report(String suite, List<ConfigSummary> summaries, List<ItemResult> items, List<Difference> comparison,
                  boolean stopped, String location) {
        public Report {
            summaries = List.copyOf(summaries);
            items = List.copyOf(items);
            comparison = List.copyOf(comparison);
        }
    }

    /**
     * Aggregate figures for one configuration: items passed (see the service for the rule), the mean
     * item score, errors, and each metric's suite mean in the registry's order.
     */
    record ConfigSummary(String config, int items, int passed, int errors, double score, Map<String, Double> means) {
        public ConfigSummary {
            means = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(means));
        }
    }

    /** B − A on one metric over the items both configurations define, with its 95% interval. */
    record Difference(String metric, double estimate, double low, double high, String verdict, int n) {
    }

    /**
     * One item's outcome; {@code trace} is the engine's AnswerTrace of the answer, for drilling into
     * the inspector, or null when the item failed before an answer started (rankers, errors).
     */
    record ItemResult(String itemId, String config, String question, boolean passed, double score, String detail,
                      AnswerTrace trace) {
    }
}
