package dev.aisle.engine.train.preference;

import dev.aisle.engine.train.data.Shuffle;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.aisle.engine.model.NativeArrays;
import dev.aisle.engine.train.data.TokenEncoder;
import dev.aisle.engine.train.log.CsvLog;
import dev.aisle.engine.train.log.ProgressBar;
import dev.aisle.engine.train.loop.ParameterUpdate;
import dev.aisle.engine.train.loop.TrainableModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * DPO and KTO against a frozen reference model. The reference's answer log-probabilities are
 * computed once per example (no gradient) and cached; only the policy is trained.
 *
 * <p>DPO (Rafailov et al.): with r = β·(log π(y|x) − log π_ref(y|x)),
 * loss = −log σ(r_chosen − r_rejected). With {@code rpoAlpha} α > 0 (RPO, Pang et al. 2024; TRL's
 * {@code rpo_alpha}) the loss adds α · the chosen answer's negative log-likelihood per token, so that
 * the policy also moves towards the chosen answers rather than only away from the rejected ones.
 * <p>KTO (Ethayarajh et al., as TRL computes it): z = max(0, mean over mismatched (x_i, y_j) of
 * log π − log π_ref), no gradient through z; a desirable answer costs λ_D·(1 − σ(β(r − z))), an
 * undesirable one λ_U·(1 − σ(β(z − r))) with r = log π − log π_ref.
 *
 * <p>Metrics per step (TRL names): loss, rewards/chosen, rewards/rejected, rewards/margins,
 * rewards/accuracies (DPO: chosen reward above rejected; KTO: reward on the labelled side of z),
 * for DPO nll_loss (the chosen answers' mean per-token negative log-likelihood under the policy, logged
 * whether or not it is trained on), and for KTO kl.
 */
public final class PreferenceTrainer implements AutoCloseable {

    public static final List<String> DPO_COLUMNS = List.of("step", "loss", "rewards/chosen", "rewards/rejected",
            "rewards/margins", "rewards/accuracies", "nll_loss", "lr", "grad_norm");
    public static final List<String> KTO_COLUMNS = List.of("step", "loss", "rewards/chosen", "rewards/rejected",
            "rewards/margins", "rewards/accuracies", "kl", "lr", "grad_norm");

    private final TrainableModel policy;
    private final TrainableModel reference;
    private final TokenEncoder encoder;
    private final PreferenceSettings settings;
    private final NDManager root;
    private final ParameterUpdate update;
    private long step;
    private int dropped;

    public PreferenceTrainer(TrainableModel policy, TrainableModel reference, TokenEncoder encoder,
                             PreferenceSettings settings, NDManager parent) {
        if (policy == reference) {
            throw new IllegalArgumentException("the reference must be a separate, frozen copy of the model");
        }
        this.policy = policy;
        this.reference = reference;
        this.encoder = encoder;
        this.settings = settings;
        this.root = parent.newSubManager();
        this.update = new ParameterUpdate(settings.run(), root);
        policy.parameters().values().forEach(p -> p.setRequiresGradient(true));
    }

    public long step() {
        return step;
    }

    /** Examples left out because they were longer than maxLength. */
    public int dropped() {
        return dropped;
    }

    // ------------------------------------------------------------------------------------ DPO

    /**
     * Who follows a run step by step (the workbench's live curves and its stop button). Called on the
     * training thread: implementations hand the figures on and return at once.
     */
    public interface StepMonitor {

        /** After each step, with the step number (from 1) and its metrics (TRL names, as in the CSV). */
        void stepDone(long step, Map<String, Double> metrics);

        /** Asked before each step; true ends the run early and keeps the steps done so far. */
        boolean stopRequested();

        StepMonitor NONE = new StepMonitor() {
            @Override
            public void stepDone(long step, Map<String, Double> metrics) {
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
    }

    public List<Map<String, Double>> trainDpo(List<PreferencePair> pairs, Path csvFile, PrintStream console) throws IOException {
        return trainDpo(pairs, csvFile, console, StepMonitor.NONE);
    }

    public List<Map<String, Double>> trainDpo(List<PreferencePair> pairs, Path csvFile, PrintStream console,
                                              StepMonitor monitor) throws IOException {
        List<SequenceScorer.Row[]> rows = new ArrayList<>();
        for (PreferencePair p : pairs) {
            SequenceScorer.Row c = SequenceScorer.encode(encoder, p.prompt(), p.chosen());
            SequenceScorer.Row r = SequenceScorer.encode(encoder, p.prompt(), p.rejected());
            if (fits(c) && fits(r)) {
                rows.add(new SequenceScorer.Row[]{c, r});
            } else {
                dropped++;
            }
        }
        reportDropped(console, "dpo", pairs.size(), "pairs");
        requireEnough(rows.size(), 1, "DPO pairs");
        double[][] ref = new double[rows.size()][];
        return loop(rows.size(), csvFile, console, DPO_COLUMNS, "dpo", monitor, batch -> dpoStep(batch, rows, ref));
    }

    private Map<String, Double> dpoStep(int[] batch, List<SequenceScorer.Row[]> rows, double[][] ref) {
        int b = batch.length;
        List<SequenceScorer.Row> seqs = new ArrayList<>();
        for (int i : batch) {
            seqs.add(rows.get(i)[0]);
        }
        for (int i : batch) {
            seqs.add(rows.get(i)[1]);
        }
        double[] refC = new double[b];
        double[] refR = new double[b];
        referenceScores(batch, seqs, ref, refC, refR);
        float[] chosenTokens = new float[b];
        for (int k = 0; k < b; k++) {
            chosenTokens[k] = SequenceScorer.answerTokens(seqs.get(k));
        }
        double beta = settings.beta();
        double alpha = settings.rpoAlpha();
        Map<String, Double> m = new LinkedHashMap<>();
        try (NDManager scope = root.newSubManager()) {
            scope.tempAttachAll(policy.parameters().values().toArray(new NDArray[0]));
            NDArray loss;
            double[] pc;
            double[] pr;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray lp = SequenceScorer.score(policy, seqs, encoder.padId(), scope);
                NDArray chosen = lp.get("0:" + b);
                NDArray rejected = lp.get(b + ":");
                NDArray refMargin = NativeArrays.of(scope, difference(refC, refR));
                NDArray logits = chosen.sub(rejected).sub(refMargin).mul(NativeArrays.scalar(scope, (float) beta));
                loss = softplus(logits.neg()).mean();
                if (alpha > 0) {
                    NDArray nll = chosen.neg().div(NativeArrays.of(scope, chosenTokens)).mean();
                    loss = loss.add(nll.mul(NativeArrays.scalar(scope, (float) alpha)));
                }
                gc.backward(loss);
                double[] all = SequenceScorer.toDoubles(lp);
                pc = java.util.Arrays.copyOfRange(all, 0, b);
                pr = java.util.Arrays.copyOfRange(all, b, 2 * b);
            }
            double lossValue = loss.getFloat();
            double sumC = 0;
            double sumR = 0;
            int correct = 0;
            double nllSum = 0;
            for (int i = 0; i < b; i++) {
                nllSum += -pc[i] / chosenTokens[i];
                double rc = beta * (pc[i] - refC[i]);
                double rr = beta * (pr[i] - refR[i]);
                sumC += rc;
                sumR += rr;
                correct += rc > rr ? 1 : 0;
            }
            m.put("loss", lossValue);
            m.put("rewards/chosen", sumC / b);
            m.put("rewards/rejected", sumR / b);
            m.put("rewards/margins", (sumC - sumR) / b);
            m.put("rewards/accuracies", (double) correct / b);
            m.put("nll_loss", nllSum / b);
            m.put("lr", update.rate(step + 1));
            m.put("grad_norm", update.apply(scope, policy.parameters(), step + 1));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------ KTO

    public List<Map<String, Double>> trainKto(List<LabelledAnswer> answers, Path csvFile, PrintStream console) throws IOException {
        return trainKto(answers, csvFile, console, StepMonitor.NONE);
    }

    public List<Map<String, Double>> trainKto(List<LabelledAnswer> answers, Path csvFile, PrintStream console,
                                              StepMonitor monitor) throws IOException {
        if (settings.batch() < 2) {
            throw new IllegalArgumentException("KTO needs batch >= 2 for its KL estimate, got " + settings.batch());
        }
        List<LabelledAnswer> kept = new ArrayList<>();
        List<SequenceScorer.Row> rows = new ArrayList<>();
        for (LabelledAnswer a : answers) {
            SequenceScorer.Row r = SequenceScorer.encode(encoder, a.prompt(), a.completion());
            if (fits(r)) {
                kept.add(a);
                rows.add(r);
            } else {
                dropped++;
            }
        }
        reportDropped(console, "kto", answers.size(), "answers");
        requireEnough(rows.size(), 2, "KTO answers");
        double[] ref = new double[rows.size()];
        java.util.Arrays.fill(ref, Double.NaN);
        return loop(rows.size(), csvFile, console, KTO_COLUMNS, "kto", monitor, batch -> ktoStep(batch, kept, rows, ref));
    }

    private Map<String, Double> ktoStep(int[] batch, List<LabelledAnswer> answers, List<SequenceScorer.Row> rows, double[] ref) {
        int b = batch.length;
        List<SequenceScorer.Row> matched = new ArrayList<>();
        List<SequenceScorer.Row> mismatched = new ArrayList<>();
        for (int k = 0; k < b; k++) {
            matched.add(rows.get(batch[k]));
            // prompt of answer k with the completion of answer k+1: an estimate of KL(policy || reference)
            LabelledAnswer x = answers.get(batch[k]);
            LabelledAnswer y = answers.get(batch[(k + 1) % b]);
            mismatched.add(SequenceScorer.encode(encoder, x.prompt(), y.completion()));
        }
        double[] refMatched = new double[b];
        double kl;
        try (NDManager scope = root.newSubManager()) {
            scope.tempAttachAll(reference.parameters().values().toArray(new NDArray[0]));
            scope.tempAttachAll(policy.parameters().values().toArray(new NDArray[0]));
            List<SequenceScorer.Row> missing = new ArrayList<>();
            for (int k = 0; k < b; k++) {
                if (Double.isNaN(ref[batch[k]])) {
                    missing.add(matched.get(k));
                }
            }
            if (!missing.isEmpty()) {
                double[] s = SequenceScorer.toDoubles(SequenceScorer.score(reference, missing, encoder.padId(), scope));
                for (int k = 0, j = 0; k < b; k++) {
                    if (Double.isNaN(ref[batch[k]])) {
                        ref[batch[k]] = s[j++];
                    }
                }
            }
            double[] refKl = SequenceScorer.toDoubles(SequenceScorer.score(reference, mismatched, encoder.padId(), scope));
            double[] polKl = SequenceScorer.toDoubles(SequenceScorer.score(policy, mismatched, encoder.padId(), scope));
            double sum = 0;
            for (int k = 0; k < b; k++) {
                sum += polKl[k] - refKl[k];
                refMatched[k] = ref[batch[k]];
            }
            kl = Math.max(0, sum / b);
        }
        double beta = settings.beta();
        Map<String, Double> m = new LinkedHashMap<>();
        try (NDManager scope = root.newSubManager()) {
            scope.tempAttachAll(policy.parameters().values().toArray(new NDArray[0]));
            float[] sign = new float[b];
            float[] weight = new float[b];
            for (int k = 0; k < b; k++) {
                boolean good = answers.get(batch[k]).desirable();
                sign[k] = good ? 1f : -1f;
                weight[k] = (float) (good ? settings.desirableWeight() : settings.undesirableWeight());
            }
            NDArray loss;
            double[] lp;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logp = SequenceScorer.score(policy, matched, encoder.padId(), scope);
                NDArray reward = logp.sub(NativeArrays.of(scope, toFloats(refMatched)));
                // desirable: 1 - σ(β(r - z)); undesirable: 1 - σ(β(z - r)) — one expression with the sign
                NDArray x = reward.sub((float) kl).mul(NativeArrays.of(scope, sign))
                        .mul(NativeArrays.scalar(scope, (float) beta));
                loss = ai.djl.nn.Activation.sigmoid(x).neg().add(1).mul(NativeArrays.of(scope, weight)).mean();
                gc.backward(loss);
                lp = SequenceScorer.toDoubles(logp);
            }
            double sumC = 0;
            double sumR = 0;
            int nC = 0;
            int nR = 0;
            int correct = 0;
            for (int k = 0; k < b; k++) {
                double r = beta * (lp[k] - refMatched[k]);
                if (sign[k] > 0) {
                    sumC += r;
                    nC++;
                    correct += r > beta * kl ? 1 : 0;
                } else {
                    sumR += r;
                    nR++;
                    correct += r < beta * kl ? 1 : 0;
                }
            }
            double chosen = nC == 0 ? 0 : sumC / nC;
            double rejected = nR == 0 ? 0 : sumR / nR;
            m.put("loss", (double) loss.getFloat());
            m.put("rewards/chosen", chosen);
            m.put("rewards/rejected", rejected);
            m.put("rewards/margins", chosen - rejected);
            m.put("rewards/accuracies", (double) correct / b);
            m.put("kl", kl);
            m.put("lr", update.rate(step + 1));
            m.put("grad_norm", update.apply(scope, policy.parameters(), step + 1));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------ shared

    private interface Step {
        Map<String, Double> run(int[] batch);
    }

    private List<Map<String, Double>> loop(int examples, Path csvFile, PrintStream console, List<String> columns, String stage,
                                           StepMonitor monitor, Step body) throws IOException {
        int b = Math.min(settings.batch(), examples);
        int perEpoch = examples / b;
        List<Map<String, Double>> out = new ArrayList<>();
        ProgressBar bar = new ProgressBar(console, stage, step, settings.run().steps(), 10,
                stage.equals("dpo") ? "pairs" : "answers");
        // Outside the gradient collector nothing may be recorded (reference scores, the KL estimate,
        // the update). PyTorch's grad mode is per thread and on in a new thread, and the collector
        // restores what it found, so a loop off the engine's start thread (the workbench trains on an
        // executor thread) must turn it off itself.
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (CsvLog csv = new CsvLog(csvFile, columns, step + 1)) {
            int[] order = null;
            int epoch = -1;
            while (step < settings.run().steps() && !monitor.stopRequested()) {
                int e = (int) (step / perEpoch);
                if (e != epoch) {
                    epoch = e;
                    order = Shuffle.permutation(examples, new Random(settings.run().seed() * 1_000_003L + e));
                }
                int from = (int) (step % perEpoch) * b;
                int[] batch = java.util.Arrays.copyOfRange(order, from, from + b);
                Map<String, Double> m = body.run(batch);
                if (!Double.isFinite(m.get("loss"))) {
                    throw new IllegalStateException(stage + " step " + (step + 1) + ": loss is " + m.get("loss"));
                }
                step++;
                out.add(m);
                double[] row = new double[columns.size()];
                row[0] = step;
                for (int i = 1; i < columns.size(); i++) {
                    row[i] = m.get(columns.get(i));
                }
                csv.row(row);
                monitor.stepDone(step, java.util.Collections.unmodifiableMap(m));
                String nll = m.containsKey("nll_loss") ? String.format(Locale.ROOT, " nll %.3f", m.get("nll_loss")) : "";
                bar.update(step, b, String.format(Locale.ROOT, "loss %.4f margin %.3f acc %.2f%s", m.get("loss"),
                        m.get("rewards/margins"), m.get("rewards/accuracies"), nll));
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
        return out;
    }

    /** Reference scores of a DPO batch, computed once per pair and cached. */
    private void referenceScores(int[] batch, List<SequenceScorer.Row> seqs, double[][] cache, double[] refC, double[] refR) {
        int b = batch.length;
        boolean missing = false;
        for (int i : batch) {
            missing |= cache[i] == null;
        }
        if (missing) {
            try (NDManager scope = root.newSubManager()) {
                scope.tempAttachAll(reference.parameters().values().toArray(new NDArray[0]));
                double[] s = SequenceScorer.toDoubles(SequenceScorer.score(reference, seqs, encoder.padId(), scope));
                for (int k = 0; k < b; k++) {
                    cache[batch[k]] = new double[]{s[k], s[b + k]};
                }
            }
        }
        for (int k = 0; k < b; k++) {
            refC[k] = cache[batch[k]][0];
            refR[k] = cache[batch[k]][1];
        }
    }

    private boolean fits(SequenceScorer.Row r) {
        return r.ids().length - 1 <= settings.maxLength();
    }

    /** Said out loud: a long prompt layout can silently shrink the training set to its shortest examples. */
    private void reportDropped(PrintStream console, String stage, int total, String what) {
        if (dropped > 0) {
            console.printf("%s: %d of %d %s are longer than %d tokens (--max-length) and are left out%n", stage, dropped,
                    total, what, settings.maxLength());
        }
    }

    private void requireEnough(int n, int min, String what) {
        if (n < min) {
            throw new IllegalArgumentException("only " + n + " " + what + " fit in " + settings.maxLength()
                    + " tokens (" + dropped + " too long); need at least " + min);
        }
    }

    /** log(1 + e^x), stable for large |x|. */
    static NDArray softplus(NDArray x) {
        return x.maximum(NativeArrays.scalar(x.getManager(), 0f)).add(x.abs().neg().exp().add(1f).log());
    }

    private static float[] difference(double[] a, double[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] - b[i]);
        }
        return out;
    }

    private static float[] toFloats(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    @Override
    public void close() {
        update.close();
        root.close();
    }
}
