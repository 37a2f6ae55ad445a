package dev.aisle.engine.train.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.aisle.engine.model.NativeArrays;
import dev.aisle.engine.train.checkpoint.Checkpoint;
import dev.aisle.engine.train.log.CsvLog;
import dev.aisle.engine.train.log.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Next-token training, shared by pretraining and SFT (they differ only in their batches' loss
 * weights). Each step runs in its own NDManager: the batch, the activations, the gradients'
 * handles and the optimizer's temporaries are all freed when the step ends, so a long run's native
 * memory stays flat.
 */
public final class NextTokenTrainer implements AutoCloseable {

    /**
     * Where a run writes; {@code checkpointDir} may hold a checkpoint to resume from (null: no
     * checkpoints). {@code afterCheckpoint} runs after each checkpoint with the step, e.g. to write a
     * usable model directory so that a stopped run still leaves a model. {@code stop} is asked after
     * every step; when it says yes the run ends early (the caller saves).
     */
    public record Outputs(Path checkpointDir, Path csv, PrintStream console, java.util.function.LongConsumer afterCheckpoint,
                          java.util.function.BooleanSupplier stop) {

        public Outputs(Path checkpointDir, Path csv, PrintStream console) {
            this(checkpointDir, csv, console, step -> {
            }, () -> false);
        }
    }

    static final List<String> CSV_COLUMNS = List.of("step", "loss", "lr", "grad_norm", "tokens", "tokens_per_s", "elapsed_s");

    private final TrainableModel model;
    private final String stage;
    private final RunSettings settings;
    private final NDManager root;
    private final ParameterUpdate update;
    private long step;

    public NextTokenTrainer(TrainableModel model, String stage, RunSettings settings, NDManager parent) {
        this.model = model;
        this.stage = stage;
        this.settings = settings;
        this.root = parent.newSubManager();
        this.update = new ParameterUpdate(settings, root);
        for (NDArray p : model.parameters().values()) {
            p.setRequiresGradient(true);
        }
    }

    public long step() {
        return step;
    }

    /** Continues from the checkpoint in {@code dir} when there is one; returns the step resumed at. */
    public long resumeIfPresent(Path dir) throws IOException {
        if (!Checkpoint.exists(dir)) {
            return 0;
        }
        Checkpoint.State state = Checkpoint.readState(dir);
        if (!state.stage().equals(stage)) {
            throw new IOException(dir + ": checkpoint is from stage '" + state.stage() + "', not '" + stage + "'");
        }
        try (NDManager load = root.newSubManager()) {
            Map<String, NDArray> weights = Checkpoint.readArrays(dir.resolve("weights.ndlist"), load);
            Map<String, NDArray> params = model.parameters();
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray w = weights.get(e.getKey());
                if (w == null || !w.getShape().equals(e.getValue().getShape())) {
                    throw new IOException(dir + "/weights.ndlist: tensor " + e.getKey() + " is "
                            + (w == null ? "missing" : w.getShape()) + ", model needs " + e.getValue().getShape());
                }
                e.getValue().set(w.toByteBuffer());
            }
            update.optimizer().restore(Checkpoint.readArrays(dir.resolve("optimizer.ndlist"), load), (int) state.step());
        }
        step = state.step();
        return step;
    }

    public void saveCheckpoint(Path dir) throws IOException {
        Checkpoint.save(dir, new Checkpoint.State(step, stage, settings.toJson()), model.parameters(), update.optimizer().state());
    }

    /** Runs from the current step to {@code settings.steps()}; returns the per-step results of this call. */
    public List<StepResult> run(BatchSource data, Outputs outputs) throws IOException {
        List<StepResult> results = new ArrayList<>();
        ProgressBar bar = new ProgressBar(outputs.console(), stage, step, settings.steps(), 10);
        long started = System.nanoTime();
        try (CsvLog csv = new CsvLog(outputs.csv(), CSV_COLUMNS, step + 1)) {
            long tokens = 0;
            while (step < settings.steps() && !outputs.stop().getAsBoolean()) {
                StepResult r = trainStep(data.batch(step));
                results.add(r);
                tokens += r.tokens();
                double elapsed = (System.nanoTime() - started) / 1e9;
                csv.row(r.step(), r.loss(), r.learningRate(), r.gradNorm(), r.tokens(), tokens / Math.max(elapsed, 1e-9), elapsed);
                bar.update(step, r.tokens(), String.format(java.util.Locale.ROOT, "loss %.3f lr %.1e", r.loss(), r.learningRate()));
                if (settings.checkpointEvery() > 0 && step % settings.checkpointEvery() == 0 && step < settings.steps()
                        && outputs.checkpointDir() != null) {
                    saveCheckpoint(outputs.checkpointDir());
                    outputs.afterCheckpoint().accept(step);
                }
            }
        }
        return results;
    }

    /** One optimizer step on one batch. */
    public StepResult trainStep(TokenBatch batch) {
        long t0 = System.nanoTime();
        Map<String, NDArray> params = model.parameters();
        double lossValue;
        double norm;
        double rate = update.rate(step + 1);
        try (NDManager scope = root.newSubManager()) {
            // results of operations whose first operand is a weight attach to the weight's manager:
            // borrow the weights for this step so those results are freed with it
            scope.tempAttachAll(params.values().toArray(new NDArray[0]));
            NDArray ids = NativeArrays.of(scope, flatten(batch.inputs()), new Shape(batch.rows(), batch.length()));
            NDArray targets = NativeArrays.of(scope, flatten(batch.targets()), new Shape(batch.rows(), batch.length()))
                    .toType(DataType.INT64, false);
            NDArray weights = NativeArrays.of(scope, flatten(batch.weights()), new Shape(batch.rows(), batch.length()));
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.logits(ids);
                loss = LanguageModelLoss.maskedCrossEntropy(logits, targets, weights);
                collector.backward(loss);
            }
            lossValue = loss.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new IllegalStateException(stage + " step " + (step + 1) + ": loss is " + lossValue
                        + " (learning rate " + rate + " too high?)");
            }
            norm = update.apply(scope, params, step + 1);
        }
        step++;
        return new StepResult(step, lossValue, rate, norm, batch.tokens(), (System.nanoTime() - t0) / 1e9);
    }

    /** Mean loss over batches without updating (for evaluation). */
    public static double evaluate(TrainableModel model, List<TokenBatch> batches, NDManager parent) {
        double weighted = 0;
        double count = 0;
        for (TokenBatch b : batches) {
            try (NDManager scope = parent.newSubManager()) {
                scope.tempAttachAll(model.parameters().values().toArray(new NDArray[0]));
                NDArray ids = NativeArrays.of(scope, flatten(b.inputs()), new Shape(b.rows(), b.length()));
                NDArray targets = NativeArrays.of(scope, flatten(b.targets()), new Shape(b.rows(), b.length())).toType(DataType.INT64, false);
                NDArray weights = NativeArrays.of(scope, flatten(b.weights()), new Shape(b.rows(), b.length()));
                NDArray loss = LanguageModelLoss.maskedCrossEntropy(model.logits(ids), targets, weights);
                int n = b.countedTargets();
                weighted += loss.getFloat() * n;
                count += n;
            }
        }
        return count == 0 ? Double.NaN : weighted / count;
    }

    static int[] flatten(int[][] rows) {
        int[] out = new int[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }

    static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }

    @Override
    public void close() {
        update.close();
        root.close();
    }
}
