package dev.aisle.engine.train.stage;

import ai.djl.ndarray.NDManager;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.model.GenerationDefaults;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.LoadedModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.train.data.ChatBatches;
import dev.aisle.engine.train.data.PackedTextBatches;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.SftExample;
import dev.aisle.engine.train.data.SftExampleBuilder;
import dev.aisle.engine.train.data.TokenizerEncoder;
import dev.aisle.engine.train.loop.BatchSource;
import dev.aisle.engine.train.loop.LlamaTrainable;
import dev.aisle.engine.train.loop.NextTokenTrainer;
import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.loop.StepResult;

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
 * Pretraining and SFT as stages: data from the corpus, the next-token loop, checkpoints under
 * {@code OUT/checkpoint}, the curve in {@code OUT/train_log.csv}, and a model directory in {@code OUT}
 * (rewritten at every checkpoint, so a stopped run leaves a usable model).
 */
public final class LanguageModelStage {

    public static final String CHECKPOINT = "checkpoint";
    public static final String CURVE = "train_log.csv";

    /**
     * @param rows   sequences per batch
     * @param length tokens per sequence (pretraining) or the longest example kept (SFT)
     * @param fresh  ignore (and replace) a checkpoint in {@code out}
     * @param maxMinutes stop (with a checkpoint and a model directory) after this long; 0 for no limit
     * @param stopAt  stop (the same way) once this step is done, 0 for none: replays a run that was stopped
     */
    public record Request(Path out, RunSettings settings, int rows, int length, boolean fresh, double maxMinutes,
                          long stopAt, PrintStream console) {
        public Request {
            if (rows < 1 || length < 2) {
                throw new IllegalArgumentException("batch must be >= 1 and length >= 2, got " + rows + ", " + length);
            }
        }
    }

    /** What a stage produced. */
    public record Result(Path modelDir, long steps, double finalLoss, long tokens, double tokensPerSecond, Map<String, Object> figures) {
    }

    private LanguageModelStage() {
    }

    public static Result pretrain(Corpus corpus, Path tokenizerFile, String shape, Request r) throws IOException {
        try (ShopTokenizer tok = ShopTokenizer.load(tokenizerFile);
             NDManager root = NDManager.newBaseManager()) {
            LlamaConfig config = ModelShapes.named(shape, tok.vocabSize());
            if (r.length() > config.maxPositionEmbeddings()) {
                throw new IllegalArgumentException("--seq " + r.length() + " exceeds the model context " + config.maxPositionEmbeddings());
            }
            r.console().printf(Locale.ROOT, "pretrain: %s shape, %,d parameters, vocab %d%n", shape, config.parameterCount(), config.vocabSize());
            PackedTextBatches data = new PackedTextBatches(new PretrainingText(corpus).training(), new TokenizerEncoder(tok),
                    r.rows(), r.length(), r.settings().seed());
            r.console().printf(Locale.ROOT, "pretrain: %,d training tokens, %,d batches per epoch; %d steps = %.2f epochs%n",
                    data.totalTokens(), data.batchesPerEpoch(), r.settings().steps(),
                    (double) r.settings().steps() / data.batchesPerEpoch());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("shape", shape);
            figures.put("training_tokens", data.totalTokens());
            try (LlamaModel model = LlamaModel.random(config, root, r.settings().seed())) {
                Lineage base = new Lineage(corpus.trainingHash(), "pretrain", 0, "", "", "", Map.of());
                return run("pretrain", model, tok, data, r, base, figures);
            }
        }
    }

    public static Result sft(Corpus corpus, Path fromDir, int syntheticExamples, Request r) throws IOException {
        return sft(corpus, fromDir, syntheticExamples, ChatBatches.Order.BY_LENGTH, r);
    }

    public static Result sft(Corpus corpus, Path fromDir, int syntheticExamples, ChatBatches.Order batchOrder, Request r)
            throws IOException {
        try (NDManager root = NDManager.newBaseManager();
             LoadedModel parent = new ModelDirectory(fromDir).load(root)) {
            int context = parent.config().maxPositionEmbeddings();
            int maxLength = Math.min(r.length(), context);
            List<SftExample> examples = new SftExampleBuilder(corpus).build(syntheticExamples, r.settings().seed());
            ChatBatches data = new ChatBatches(examples, new TokenizerEncoder(parent.tokenizer()), r.rows(), maxLength,
                    r.settings().seed(), batchOrder);
            r.console().printf(Locale.ROOT, "sft: %,d grounded examples (%,d longer than %d tokens dropped); %d steps = %.2f epochs%n",
                    data.size(), data.dropped(), maxLength, r.settings().steps(), (double) r.settings().steps() / data.batchesPerEpoch());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("examples", data.size());
            figures.put("examples_dropped_too_long", data.dropped());
            Lineage base = new Lineage(corpus.trainingHash(), "sft", 0, fromDir.toAbsolutePath().normalize().toString(), "", "", Map.of());
            return run("sft", parent.model(), parent.tokenizer(), data, r, base, figures);
        }
    }

    static Result run(String stage, LlamaModel model, ShopTokenizer tok, BatchSource data, Request r, Lineage base,
                      Map<String, Object> figures) throws IOException {
        Files.createDirectories(r.out());
        Path ckpt = r.out().resolve(CHECKPOINT);
        try (NDManager root = NDManager.newBaseManager();
             NextTokenTrainer trainer = new NextTokenTrainer(new LlamaTrainable(model), stage, r.settings(), root)) {
            long resumed = r.fresh() ? 0 : trainer.resumeIfPresent(ckpt);
            if (resumed > 0) {
                r.console().printf("%s: resumed from %s at step %d%n", stage, ckpt, resumed);
            }
            long t0 = System.nanoTime();
            long deadline = r.maxMinutes() > 0 ? t0 + (long) (r.maxMinutes() * 60e9) : Long.MAX_VALUE;
            StopSignal signal = StopSignal.install();
            List<StepResult> results;
            try {
                results = trainer.run(data, new NextTokenTrainer.Outputs(ckpt, r.out().resolve(CURVE), r.console(),
                        step -> save(r.out(), model, tok, base, step, figures),
                        () -> signal.requested() || System.nanoTime() > deadline
                                || (r.stopAt() > 0 && trainer.step() >= r.stopAt())));
                if (trainer.step() < r.settings().steps()) {
                    r.console().printf("%s: stopped at step %d of %d (%s); saving%n", stage, trainer.step(), r.settings().steps(),
                            signal.requested() ? "interrupted" : r.stopAt() > 0 && trainer.step() >= r.stopAt() ? "--stop-at" : "--max-minutes reached");
                }
                finish(stage, trainer, ckpt, model, tok, base, figures, r, results, t0);
            } finally {
                signal.release();
            }
            return result(r, trainer, figures, results, t0);
        }
    }

    private static void finish(String stage, NextTokenTrainer trainer, Path ckpt, LlamaModel model, ShopTokenizer tok, Lineage base,
                           Map<String, Object> figures, Request r, List<StepResult> results, long t0) throws IOException {
        double seconds = (System.nanoTime() - t0) / 1e9;
        long tokens = results.stream().mapToLong(StepResult::tokens).sum();
        double finalLoss = results.stream().skip(Math.max(0, results.size() - 20)).mapToDouble(StepResult::loss)
                .average().orElse(Double.NaN);
        figures.put("final_loss", finalLoss);
        figures.put("tokens_this_run", tokens);
        figures.put("tokens_per_s", tokens / Math.max(seconds, 1e-9));
        figures.put("settings", r.settings().toJson().toString());
        figures.put("batch", r.rows());
        figures.put("length", r.length());
        trainer.saveCheckpoint(ckpt);
        save(r.out(), model, tok, base, trainer.step(), figures);
        r.console().printf(Locale.ROOT, "%s: done, %d steps, final loss %.3f, %,.0f tokens/s; model in %s%n",
                stage, trainer.step(), finalLoss, tokens / Math.max(seconds, 1e-9), r.out());
    }

    private static Result result(Request r, NextTokenTrainer trainer, Map<String, Object> figures, List<StepResult> results, long t0) {
        long tokens = results.stream().mapToLong(StepResult::tokens).sum();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(r.out(), trainer.step(), (double) figures.getOrDefault("final_loss", Double.NaN), tokens,
                tokens / Math.max(seconds, 1e-9), figures);
    }

    /** Writes the model directory: weights, tokenizer, generation defaults, lineage. */
    static void save(Path out, LlamaModel model, ShopTokenizer tok, Lineage base, long steps, Map<String, Object> figures) {
        ModelDirectory dir = new ModelDirectory(out);
        Map<String, Object> extra = new LinkedHashMap<>(base.extra());
        extra.putAll(figures);
        dir.save(model, tok.file(), GenerationDefaults.chat(tok.specialId(ChatTokens.END), tok.specialId(ChatTokens.PAD)),
                new Lineage(base.corpusHash(), base.stage(), steps, base.parentModel(), base.feedbackSnapshot(),
                        Instant.now().toString(), extra));
    }
}
