package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.EvaluationService;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.List;
import java.util.function.Consumer;

/**
 * Services whose engine side is not wired into the workbench yet. They say so, naming the command
 * line that does the same, instead of pretending: the views show the message in the error banner.
 */
final class Unavailable {

    private Unavailable() {
    }

    static EvaluationService evaluations() {
        return new EvaluationService() {
            @Override
            public List<String> suites() {
                return List.of("product-qa", "grounding", "markup");
            }

            @Override
            public Report run(String suite, List<AssistantConfig> configs, Consumer<int[]> progress) {
                throw new UnsupportedOperationException("the evaluation runner is not wired into the workbench in this "
                        + "build; run './aisle eval --suite " + suite + "' from the command line");
            }
        };
    }

    static TrainingService training() {
        return new TrainingService() {
            @Override
            public FeedbackCounts feedbackCounts() {
                return new FeedbackCounts(0, 0);
            }

            @Override
            public Result train(Request request, Consumer<CurvePoint> curve) {
                throw new UnsupportedOperationException(request.method() + " training is not wired into the "
                        + "workbench in this build; run './aisle train " + request.method().name().toLowerCase()
                        + "' from the command line");
            }

            @Override
            public void stop() {
            }

            @Override
            public List<AssistantConfig> registered() {
                return List.of();
            }
        };
    }
}
