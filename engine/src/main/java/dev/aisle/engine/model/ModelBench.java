package dev.aisle.engine.model;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;

import dev.aisle.engine.generate.ConstraintBench;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Speed of the {@code cpu} backend on the default shape (or a model directory given as the first
 * argument): prefill of a 512-token prompt, single-request decode tokens/s, batch-32 decode tokens/s.
 * Random weights are fine for speed. Prints a small report to stdout.
 *
 * <p>{@code java … dev.aisle.engine.model.ModelBench [MODEL_DIR]}
 */
public final class ModelBench {

    /** Figures of one run. */
    public record Figures(double prefill512Ms, double singleDecodeTokensPerS, double batch32DecodeTokensPerS,
                          double batch32StepMs, long parameters, double prefill512CpuMs, double singleDecodeCpuMs,
                          double batch32StepCpuMs, double smallOpCpuMicros) {
    }

    /** CPU time of the whole process (all threads): what a step costs when the machine is not shared. */
    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private ModelBench() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.out.println(runReport(args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty()));
    }

    /**
     * The whole benchmark as a printable report: backend speed on the model directory's weights (or random
     * weights of the default shape) and the constrained-decoding overhead with its tokenizer (or a synthetic one).
     * This is what {@code ./aisle bench --model} prints.
     */
    public static String runReport(Optional<Path> modelDir) {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = modelDir.isPresent() ? new ModelDirectory(modelDir.get()).loadModel(m)
                     : LlamaModel.random(LlamaConfig.defaultShape(), m, 1);
             ShopTokenizer tok = modelDir.isPresent()
                     ? ShopTokenizer.load(modelDir.get().resolve(ModelDirectory.TOKENIZER))
                     : syntheticTokenizer(model.config().vocabSize())) {
            Figures f = run(model);
            ConstraintBench.Overhead o = ConstraintBench.run(tok, 200);
            return report(model.config(), f) + "\n" + String.format(Locale.ROOT,
                    "constrained markup decoding: %.1f µs/token mean, %.1f µs/token inside markup (thread CPU) "
                            + "(vocab %d, %d-token sample answer, cold mask cache per answer)%n"
                            + "all decoding constraints (subject, markup, id guard, bound prices, grounded numbers, intent layout): "
                            + "%.1f µs/token mean (thread CPU) (%d-token sample answer with prices, ratings and measures, "
                            + "cold caches per answer)",
                    o.meanMicrosPerToken(), o.insideMarkupMicrosPerToken(), o.vocabSize(), o.tokensPerAnswer(),
                    o.allConstraintsMicrosPerToken(), o.numbersAnswerTokens());
        }
    }

    /** A tokenizer trained on generated shopping lines, for runs without a model directory. */
    static ShopTokenizer syntheticTokenizer(int vocab) {
        String[] words = {"warm", "golf", "gloves", "trail", "running", "shoes", "dinosaur", "toys", "rated", "price",
                "waterproof", "jacket", "kids", "comfort", "size", "fits", "review", "delivery", "stock", "great"};
        Random r = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                sb.append(words[r.nextInt(words.length)]).append(r.nextInt(5) == 0 ? ", " : " ");
            }
            sb.append("<product id=\"B0X").append(r.nextInt(900)).append("\"/> <cite ref=\"E").append(1 + r.nextInt(8))
                    .append("\"/> $").append(r.nextInt(300)).append(".99\n");
            lines.add(sb.toString());
        }
        lines.add(ConstraintBench.ANSWER);
        lines.add(ConstraintBench.NUMBERS_ANSWER);
        try {
            Path file = Files.createTempFile("aisle-bench-tokenizer", ".json");
            file.toFile().deleteOnExit();
            TokenizerJson.write(BpeTrainer.forChat(vocab).addAll(lines).train(), file);
            return ShopTokenizer.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String report(LlamaConfig c, Figures f) {
        return String.format(Locale.ROOT, """
                PyTorch intra-op threads: %s (set -Dai.djl.pytorch.num_threads=N)
                model: d %d, layers %d, heads %d/%d, ffn %d, vocab %d, params %.2fM
                prefill 512 tokens:      %.1f ms wall, %.1f ms process CPU
                single-request decode:   %.1f tokens/s (%.2f ms/token wall, %.2f ms/token process CPU)
                batch-32 decode:         %.0f tokens/s (%.2f ms/step wall, %.2f ms/step process CPU)
                (wall figures depend on what else runs; CPU figures show the cost on an otherwise idle machine)
                machine check: one small DJL op (add on [1, 256]) costs %.1f µs CPU here (DESIGN.md plans 20-30 µs)""",
                System.getProperty("ai.djl.pytorch.num_threads", "default (one per core)"),
                c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(), c.numKeyValueHeads(), c.intermediateSize(),
                c.vocabSize(), f.parameters() / 1e6, f.prefill512Ms(), f.prefill512CpuMs(), f.singleDecodeTokensPerS(),
                1000.0 / f.singleDecodeTokensPerS(), f.singleDecodeCpuMs(), f.batch32DecodeTokensPerS(),
                f.batch32StepMs(), f.batch32StepCpuMs(), f.smallOpCpuMicros());
    }

    public static Figures run(LlamaModel model) {
        LlamaConfig c = model.config();
        int block = 16;
        int perSeq = (c.maxPositionEmbeddings() + block - 1) / block;
        Random r = new Random(7);
        try (CpuBackend be = new CpuBackend(model, 32 * perSeq, block)) {
            int[] table = range(0, perSeq);
            int promptLen = Math.min(512, c.maxPositionEmbeddings() - 160);
            int[] prompt = r.ints(promptLen, 8, c.vocabSize()).toArray();
            // Warm-up: PyTorch picks kernels on first use.
            for (int i = 0; i < 3; i++) {
                be.step(List.of(new StepInput(1, prompt, 0, table, true)));
            }
            double prefill = Double.MAX_VALUE;
            double prefillCpu = Double.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                be.step(List.of(new StepInput(1, prompt, 0, table, true)));
                prefill = Math.min(prefill, (System.nanoTime() - t0) / 1e6);
                prefillCpu = Math.min(prefillCpu, (cpuNanos() - c0) / 1e6);
            }
            int decode = 128;
            int tok = 9;
            for (int i = 0; i < 10; i++) {
                be.step(List.of(new StepInput(1, new int[]{tok}, promptLen + i, table, true)));
            }
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < decode; i++) {
                StepOutput o = be.step(List.of(new StepInput(1, new int[]{tok}, promptLen + i, table, true)));
                tok = argmax(o.logits()[0]);
            }
            double single = decode / ((System.nanoTime() - t0) / 1e9);
            double singleCpu = (cpuNanos() - c0) / 1e6 / decode;
            double smallOp = smallOpMicros(model.manager());

            int batch = 32;
            int start = 128;
            List<StepInput> prefills = new ArrayList<>();
            for (int s = 0; s < batch; s++) {
                prefills.add(new StepInput(s, r.ints(start, 8, c.vocabSize()).toArray(), 0,
                        range(s * perSeq, perSeq), true));
            }
            be.step(prefills);
            int steps = 32;
            long t1 = 0;
            long c1 = 0;
            for (int i = 0; i < steps + 4; i++) {
                if (i == 4) {
                    t1 = System.nanoTime();
                    c1 = cpuNanos();
                }
                List<StepInput> step = new ArrayList<>();
                for (int s = 0; s < batch; s++) {
                    step.add(new StepInput(s, new int[]{9 + s}, start + i, range(s * perSeq, perSeq), true));
                }
                be.step(step);
            }
            double stepMs = (System.nanoTime() - t1) / 1e6 / steps;
            double stepCpu = (cpuNanos() - c1) / 1e6 / steps;
            return new Figures(prefill, single, batch * 1000.0 / stepMs, stepMs, c.parameterCount(), prefillCpu,
                    singleCpu, stepCpu, smallOp);
        }
    }

    /** Process CPU per trivial op, measured right after the decode run so both see the same machine. */
    private static double smallOpMicros(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            var x = m.ones(new ai.djl.ndarray.types.Shape(1, 256));
            for (int i = 0; i < 500; i++) {
                x.add(1f).close();
            }
            int n = 3000;
            long c0 = cpuNanos();
            for (int i = 0; i < n; i++) {
                x.add(1f).close();
            }
            return (cpuNanos() - c0) / 1e3 / n;
        }
    }

    private static int[] range(int from, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + i;
        }
        return a;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
