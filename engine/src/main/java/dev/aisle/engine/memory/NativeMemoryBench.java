package dev.aisle.engine.memory;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.train.loop.LlamaTrainable;
import dev.aisle.engine.train.loop.NextTokenTrainer;
import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.loop.TokenBatch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Prints this process's memory over many model steps, so that native growth per step shows up (a
 * benchmark that prints figures, not a test).
 *
 * <pre>
 * java … dev.aisle.engine.memory.NativeMemoryBench serve|train [--steps N] [--shapes varying|fixed]
 *      [--gc-every N] [--report-every K] [--rows R] [--max-length T] [--seed S]
 * </pre>
 * {@code serve}: {@code CpuBackend.step} on the default shape (random weights), each step one prefill chunk of
 * 1–256 tokens at a random position plus 8 decodes with random contexts ({@code fixed}: always 256 tokens at
 * position 256, decodes at context 256). {@code train}: {@code NextTokenTrainer} steps of R rows padded to a
 * random length in [T/4, T] like SFT batches ({@code fixed}: always T). {@code --gc-every N} calls
 * {@code System.gc()} after every N-th step, which tells memory the collector can reclaim from real growth.
 */
public final class NativeMemoryBench {

    /** What one run printed, for callers that want the numbers. */
    public record Result(List<Sample> samples, double residentGrowthMbPerStep) {
    }

    /** Memory after {@code step} steps; {@code stepMs} is the mean wall time of the steps since the last sample. */
    public record Sample(int step, ProcessMemory memory, double stepMs) {
    }

    private record Options(String mode, int steps, boolean varying, int gcEvery, int reportEvery, int rows,
                           int maxLength, long seed) {
    }

    private interface Stepper extends AutoCloseable {
        void step(int index);

        @Override
        void close();
    }

    private NativeMemoryBench() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        Options o = parse(args);
        run(o, System.out);
    }

    private static Options parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("serve") || args[0].equals("train"))) {
            throw new IllegalArgumentException("first argument must be 'serve' or 'train', got "
                    + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
        }
        String mode = args[0];
        int steps = mode.equals("serve") ? 300 : 40;
        boolean varying = true;
        int gcEvery = 0;
        int reportEvery = 0;
        int rows = 2;
        int maxLength = 384;
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--steps" -> steps = positive(flag, v);
                case "--shapes" -> {
                    if (!v.equals("varying") && !v.equals("fixed")) {
                        throw new IllegalArgumentException("--shapes must be varying or fixed, got '" + v + "'");
                    }
                    varying = v.equals("varying");
                }
                case "--gc-every" -> gcEvery = Integer.parseInt(v);
                case "--report-every" -> reportEvery = positive(flag, v);
                case "--rows" -> rows = positive(flag, v);
                case "--max-length" -> maxLength = positive(flag, v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (reportEvery == 0) {
            reportEvery = Math.max(1, steps / 10);
        }
        return new Options(mode, steps, varying, gcEvery, reportEvery, rows, maxLength, seed);
    }

    private static int positive(String flag, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0, got " + n);
        }
        return n;
    }

    private static Result run(Options o, PrintStream out) {
        LlamaConfig c = LlamaConfig.defaultShape();
        out.printf(Locale.ROOT, "%s, %s shapes, %d steps, gc every %s; default shape (%,d params)%n", o.mode(),
                o.varying() ? "varying" : "fixed", o.steps(), o.gcEvery() > 0 ? o.gcEvery() + " steps" : "never",
                c.parameterCount());
        out.println("step  rss_mb  direct_mb  direct_buffers  heap_mb  ms/step");
        List<Sample> samples = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager("PyTorch");
             Stepper stepper = o.mode().equals("serve") ? serving(c, root, o) : training(c, root, o)) {
            stepper.step(0); // warm-up: first-use allocations are not growth
            samples.add(print(out, new Sample(0, ProcessMemory.now(), 0)));
            long t0 = System.nanoTime();
            for (int s = 1; s <= o.steps(); s++) {
                stepper.step(s);
                if (o.gcEvery() > 0 && s % o.gcEvery() == 0) {
                    System.gc();
                }
                if (s % o.reportEvery() == 0 || s == o.steps()) {
                    long now = System.nanoTime();
                    int since = s - samples.get(samples.size() - 1).step();
                    samples.add(print(out, new Sample(s, ProcessMemory.now(), (now - t0) / 1e6 / since)));
                    t0 = System.nanoTime();
                }
            }
        }
        double slope = growthPerStep(samples);
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        out.printf(Locale.ROOT, "rss %.0f -> %.0f MB over %d steps; growth over the second half %.2f MB/step; "
                        + "direct buffers %.1f -> %.1f MB%n", first.memory().residentMb(), last.memory().residentMb(),
                last.step(), slope, first.memory().directMb(), last.memory().directMb());
        return new Result(samples, slope);
    }

    private static Sample print(PrintStream out, Sample s) {
        ProcessMemory m = s.memory();
        out.printf(Locale.ROOT, "%4d  %6.0f  %9.1f  %14d  %7.0f  %7.1f%n", s.step(), m.residentMb(), m.directMb(),
                m.directBuffers(), m.heapUsedMb(), s.stepMs());
        return s;
    }

    /** Least-squares slope of resident MB per step over the second half of the samples (after warm-up). */
    static double growthPerStep(List<Sample> samples) {
        List<Sample> half = samples.subList(samples.size() / 2, samples.size());
        if (half.size() < 2) {
            return 0;
        }
        double n = half.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : half) {
            double x = s.step();
            double y = s.memory().residentMb();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        return den == 0 ? 0 : (n * sxy - sx * sy) / den;
    }

    private static Stepper serving(LlamaConfig c, NDManager root, Options o) {
        int decodes = 8;
        int context = 512;
        int blockSize = 16;
        int perSequence = context / blockSize;
        LlamaModel model = LlamaModel.random(c, root, o.seed());
        CpuBackend backend = new CpuBackend(model, perSequence * (decodes + 1), blockSize);
        Random r = new Random(o.seed());
        return new Stepper() {
            @Override
            public void step(int index) {
                List<StepInput> batch = new ArrayList<>();
                int chunk = o.varying() ? 1 + r.nextInt(256) : 256;
                int start = o.varying() ? r.nextInt(context - chunk + 1) : context - chunk;
                batch.add(new StepInput(0, tokens(r, chunk, c.vocabSize()), start, blocks(0, perSequence), true));
                for (int d = 1; d <= decodes; d++) {
                    int position = o.varying() ? r.nextInt(context) : context / 2;
                    batch.add(new StepInput(d, tokens(r, 1, c.vocabSize()), position,
                            blocks(d * perSequence, perSequence), true));
                }
                backend.step(batch);
            }

            @Override
            public void close() {
                backend.close();
                model.close();
            }
        };
    }

    private static Stepper training(LlamaConfig c, NDManager root, Options o) {
        LlamaModel model = LlamaModel.random(c, root, o.seed());
        NextTokenTrainer trainer = new NextTokenTrainer(new LlamaTrainable(model), "memory-bench",
                RunSettings.of(o.steps() + 1, 1e-4, o.seed()), root);
        Random r = new Random(o.seed());
        return new Stepper() {
            @Override
            public void step(int index) {
                int length = o.varying() ? o.maxLength() / 4 + r.nextInt(o.maxLength() - o.maxLength() / 4 + 1)
                        : o.maxLength();
                int[][] in = new int[o.rows()][];
                int[][] target = new int[o.rows()][];
                float[][] weight = new float[o.rows()][length];
                for (int i = 0; i < o.rows(); i++) {
                    in[i] = tokens(r, length, c.vocabSize());
                    target[i] = tokens(r, length, c.vocabSize());
                    java.util.Arrays.fill(weight[i], 1f);
                }
                trainer.trainStep(new TokenBatch(in, target, weight));
            }

            @Override
            public void close() {
                trainer.close();
                model.close();
            }
        };
    }

    private static int[] tokens(Random r, int n, int vocab) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(vocab);
        }
        return t;
    }

    private static int[] blocks(int first, int count) {
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            b[i] = first + i;
        }
        return b;
    }
}
