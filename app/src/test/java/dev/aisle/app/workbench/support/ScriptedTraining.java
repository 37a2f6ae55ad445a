package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.TrainingService;
import java.util.List;
import java.util.function.Consumer;

/** Training for wiring tests: three curve points, then a registered configuration. */
public final class ScriptedTraining implements TrainingService {

    public static final AssistantConfig TRAINED = new AssistantConfig("dpo-1", "dpo-1", "cpu", 0, 1, 64, 8, "hybrid");

    @Override
    public FeedbackCounts feedbackCounts() {
        return new FeedbackCounts(12, 30, 14, 41);
    }

    @Override
    public Result train(Request request, Consumer<CurvePoint> curve) {
        for (int i = 1; i <= 3; i++) {
            curve.accept(new CurvePoint(i, 0.7 / i, 0.05 * i, -0.05 * i, 0.1 * i, 1));
        }
        return new Result("/tmp/models/dpo-1", TRAINED, "DPO: 3 steps, loss 0.23");
    }

    @Override
    public void stop() {
    }

    @Override
    public List<AssistantConfig> registered() {
        return List.of(TRAINED);
    }
}
