package dev.aisle.app.workbench.service.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.TrainingService;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.FeedbackSnapshot;
import dev.aisle.engine.feedback.ModelEntry;
import dev.aisle.engine.feedback.exchange.ExchangeFormat;
import dev.aisle.engine.feedback.exchange.ExchangeSummary;
import dev.aisle.engine.feedback.exchange.PreferenceExport;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.train.preference.PreferenceSettings;
import dev.aisle.engine.train.preference.PreferenceTrainer;
import dev.aisle.engine.train.stage.PreferenceStage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * DPO / KTO from the workbench on the engine's own pieces: the feedback store's export (exactly
 * what {@code aisle feedback export --format dpo|kto} writes) is the data, {@link PreferenceStage}
 * trains from the model the chat answers with and writes a model directory under
 * {@code AISLE_HOME/models/workbench/}, every trainer step becomes a curve point, and the result is
 * registered in the store's model registry (parent, feedback snapshot, final figures) and as a
 * chat configuration.
 */
public final class PreferenceTraining implements TrainingService {

    /** Pairs (DPO) or answers (KTO) per step: the CLI's default. */
    static final int BATCH = 4;
    static final long SEED = 1234;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedbackStore store;
    private final AssistantAnswers answers;
    private final AisleHome home;
    private final Supplier<Path> baseModel;
    private final PrintStream log;
    private final List<AssistantConfig> registered = new ArrayList<>();
    private volatile boolean stopRequested;

    /**
     * @param baseModel the model directory training starts from (and the frozen reference): the one
     *                  the workbench opened the chat with
     * @param log       the trainer's progress lines (stderr in the application)
     */
    public PreferenceTraining(FeedbackStore store, AssistantAnswers answers, AisleHome home, Supplier<Path> baseModel,
                              PrintStream log) {
        this.store = store;
        this.answers = answers;
        this.home = home;
        this.baseModel = baseModel;
        this.log = log;
    }

    @Override
    public FeedbackCounts feedbackCounts() {
        PreferenceExport export = new PreferenceExport(store);
        dev.aisle.engine.feedback.FeedbackCounts stored = store.counts();
        return new FeedbackCounts(export.dpo().size(), export.kto().size(), stored.preferences(), stored.ratings());
    }

    @Override
    public Result train(Request request, Consumer<CurvePoint> curve) throws IOException {
        stopRequested = false;
        String stage = request.method().name().toLowerCase(Locale.ROOT);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = home.runsDir().resolve("training").resolve(stage + "-" + stamp);
        Files.createDirectories(runDir);
        Path data = runDir.resolve("feedback-" + stage + ".jsonl");
        FeedbackSnapshot snapshot = store.snapshot();
        ExchangeSummary exported;
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            exported = new PreferenceExport(store).write(request.method() == Method.DPO ? ExchangeFormat.DPO : ExchangeFormat.KTO, w);
        }
        if (exported.examples() < request.method().minimumExamples()) {
            throw new IllegalStateException(noFeedback(request.method(), exported));
        }
        Path from = baseModel.get();
        Path out = home.modelsDir().resolve("workbench").resolve(stage + "-" + stamp);
        // The chat's answers were prompted within the model's context, so every stored answer fits it.
        int maxLength = PreferenceSettings.orContextLength(0, from);
        PreferenceSettings settings = PreferenceSettings.schedule(request.beta(), 1, 1, BATCH, maxLength, request.steps(),
                request.learningRate(), SEED);
        int[] steps = {0};
        PreferenceTrainer.StepMonitor monitor = new PreferenceTrainer.StepMonitor() {
            @Override
            public void stepDone(long step, Map<String, Double> m) {
                steps[0] = (int) step;
                curve.accept(new CurvePoint((int) step, m.get("loss"), m.get("rewards/chosen"), m.get("rewards/rejected"),
                        m.get("rewards/margins"), m.get("rewards/accuracies")));
            }

            @Override
            public boolean stopRequested() {
                return stopRequested;
            }
        };
        PreferenceStage.Method method = request.method() == Method.DPO ? PreferenceStage.Method.DPO : PreferenceStage.Method.KTO;
        Map<String, Double> last = PreferenceStage.train(method, from, data, out, settings, log, monitor);
        ModelEntry entry = register(from, out, snapshot, request, steps[0], last, data);
        AssistantConfig config = answers.register(dev.aisle.engine.assistant.AssistantConfig.defaults()
                .withModel(out.toString()).withName(entry.name()));
        synchronized (registered) {
            registered.add(config);
        }
        String summary = String.format(Locale.ROOT, "%s: %d of %d steps on %d %s%s; last steps: loss %.4f, reward margin %+.3f, "
                        + "accuracy %.2f. Registered as %s (model %d, from %s, feedback %s) in %s",
                request.method(), steps[0], request.steps(), exported.examples(),
                request.method() == Method.DPO ? "pairs" : "answers", steps[0] < request.steps() ? " (stopped)" : "",
                last.getOrDefault("loss", Double.NaN), last.getOrDefault("rewards/margins", Double.NaN),
                last.getOrDefault("rewards/accuracies", Double.NaN), entry.name(), entry.id(),
                from.getFileName(), snapshot.id(), out);
        return new Result(out.toString(), config, summary);
    }

    static String noFeedback(Method method, ExchangeSummary exported) {
        String what = method == Method.DPO
                ? "a preference pair with a winner (A or B in Side-by-side; ties and both-bad are not used)"
                : "two answers rated thumbs up or down (in Chat or Annotate)";
        return "No feedback to train " + method + " on: it needs at least " + what + "; the store yields "
                + exported.examples() + " (" + exported.skipped() + " left out) at snapshot " + exported.snapshot() + ".";
    }

    /** The new model in the store's registry, child of the model it started from (registered too if new). */
    private ModelEntry register(Path from, Path out, FeedbackSnapshot snapshot, Request request, int steps,
                                Map<String, Double> last, Path data) {
        Lineage parent = new ModelDirectory(from).readLineage();
        Lineage lineage = new ModelDirectory(out).readLineage();
        ObjectNode meta = JSON.createObjectNode();
        meta.put("trainedIn", "workbench").put("steps", steps).put("requestedSteps", request.steps())
                .put("learningRate", request.learningRate()).put("beta", request.beta())
                .put("feedbackFile", data.toString());
        last.forEach(meta::put);
        return store.models().registerTrained(from.toAbsolutePath().normalize().toString(),
                text(parent.stage()).isBlank() ? "imported" : parent.stage(), out.toAbsolutePath().normalize().toString(),
                lineage.stage(), text(lineage.corpusHash()), snapshot.id(), meta.toString());
    }

    /** aisle.json written elsewhere may leave fields out. */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    @Override
    public List<AssistantConfig> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }
}
