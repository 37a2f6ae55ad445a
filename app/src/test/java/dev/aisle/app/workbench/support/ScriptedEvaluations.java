package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Evaluations for wiring tests: two items per configuration, the second fails. */
public final class ScriptedEvaluations implements EvaluationService {

    @Override
    public List<String> suites() {
        return List.of("product-qa", "grounding");
    }

    @Override
    public Report run(String suite, List<AssistantConfig> configs, Consumer<int[]> progress) {
        List<ItemResult> items = new ArrayList<>();
        List<ConfigSummary> summaries = new ArrayList<>();
        int done = 0;
        for (AssistantConfig c : configs) {
            for (int i = 1; i <= 2; i++) {
                AnswerTrace trace = new AnswerTrace(c.name() + "-q" + i, "Question " + i);
                trace.finish("Answer " + i, "stop");
                items.add(new ItemResult("q" + i, c.name(), "Question " + i, i == 1, i == 1 ? 1 : 0,
                        i == 1 ? "" : "missing fact: price", trace));
                progress.accept(new int[] {++done, 2 * configs.size()});
            }
            summaries.add(new ConfigSummary(c.name(), 2, 1, 0.5));
        }
        return new Report(suite, summaries, items);
    }
}
