package dev.aisle.engine.train.stage;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.LoadedModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.train.data.TokenizerEncoder;
import dev.aisle.engine.train.loop.LlamaTrainable;
import dev.aisle.engine.train.preference.PreferenceFiles;
import dev.aisle.engine.train.preference.PreferenceSettings;
import dev.aisle.engine.train.preference.PreferenceTrainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DPO or KTO from a model directory and a feedback export: the model is loaded twice (the policy
 * that trains and the frozen reference), and the result records the export's hash as its
 * feedback snapshot.
 */
public final class PreferenceStage {

    public enum Method { DPO, KTO }

    private PreferenceStage() {
    }

    public static Map<String, Double> train(Method method, Path fromDir, Path data, Path out, PreferenceSettings settings,
                                            PrintStream console) throws IOException {
        return train(method, fromDir, data, out, settings, console, PreferenceTrainer.StepMonitor.NONE);
    }

    /**
     * As above, reporting every step to {@code monitor}; when it asks to stop, the steps done so far
     * are saved as the model (as a stopped language-model stage does). Stopped before the first step,
     * nothing is written.
     */
    public static Map<String, Double> train(Method method, Path fromDir, Path data, Path out, PreferenceSettings settings,
                                            PrintStream console, PreferenceTrainer.StepMonitor monitor) throws IOException {
        String snapshot = PreferenceFiles.snapshotHash(data);
        try (NDManager root = NDManager.newBaseManager();
             LoadedModel policy = new ModelDirectory(fromDir).load(root);
             LoadedModel reference = new ModelDirectory(fromDir).load(root);
             PreferenceTrainer trainer = new PreferenceTrainer(new LlamaTrainable(policy.model()),
                     new LlamaTrainable(reference.model()), new TokenizerEncoder(policy.tokenizer()), settings, root)) {
            Files.createDirectories(out);
            Path csv = out.resolve(method.name().toLowerCase(Locale.ROOT) + "_log.csv");
            List<Map<String, Double>> steps = switch (method) {
                case DPO -> trainer.trainDpo(PreferenceFiles.readDpo(data), csv, console, monitor);
                case KTO -> trainer.trainKto(PreferenceFiles.readKto(data), csv, console, monitor);
            };
            if (steps.isEmpty()) {
                throw new IllegalStateException(method + " was stopped before its first step; no model was written to " + out);
            }
            Map<String, Double> last = averageOfLast(steps, 10);
            Map<String, Object> extra = new LinkedHashMap<>(last);
            extra.put("beta", settings.beta());
            if (method == Method.DPO) {
                extra.put("rpo_alpha", settings.rpoAlpha());
            }
            extra.put("examples_dropped_too_long", trainer.dropped());
            extra.put("feedback_file", data.toAbsolutePath().normalize().toString());
            extra.put("settings", settings.run().toJson().toString());
            String stage = method.name().toLowerCase(Locale.ROOT);
            Lineage parent = policy.lineage();
            LanguageModelStage.save(out, policy.model(), policy.tokenizer(),
                    new Lineage(parent.corpusHash(), stage, 0, fromDir.toAbsolutePath().normalize().toString(), snapshot,
                            Instant.now().toString(), Map.of()), trainer.step(), extra);
            console.printf(Locale.ROOT, "%s: done, %d steps; last 10 steps: %s; model in %s%n", stage, trainer.step(), last, out);
            return last;
        }
    }

    static Map<String, Double> averageOfLast(List<Map<String, Double>> steps, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Map<String, Double>> tail = steps.subList(Math.max(0, steps.size() - n), steps.size());
        for (Map<String, Double> m : tail) {
            m.forEach((k, v) -> out.merge(k, v / tail.size(), Double::sum));
        }
        return out;
    }
}
