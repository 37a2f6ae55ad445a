package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Evaluations for wiring tests: two items per configuration, the second fails. */
public final class ScriptedEvaluations implements EvaluationService {

    public volatile boolean cancelled;

    @Override
    public List<String> suites() {
        return List.of("smoke", "adversarial");
    }

    @Override
    public Report run(Request request, Consumer<Progress> progress) {
        List<ItemResult> items = new ArrayList<>();
        List<ConfigSummary> summaries = new ArrayList<>();
        int done = 0;
        for (AssistantConfig c : request.configs()) {
            for (int i = 1; i <= 2; i++) {
                AnswerTrace trace = new AnswerTrace(c.name() + "-q" + i, "Question " + i);
                trace.finish("Answer " + i, "stop");
                items.add(new ItemResult("q" + i, c.name(), "Question " + i, i == 1, i == 1 ? 1 : 0,
                        i == 1 ? "" : "groundedness 0.00", trace));
                progress.accept(new Progress(++done, 2 * request.configs().size(), c.name() + ": Question " + i));
            }
            summaries.add(new ConfigSummary(c.name(), 2, 1, 0, 0.5, Map.of("groundedness", 0.5)));
        }
        return new Report(request.suite(), summaries, items, List.of(), cancelled, "/tmp/runs/scripted");
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
