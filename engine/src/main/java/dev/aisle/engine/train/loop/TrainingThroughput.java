package dev.aisle.engine.train.loop;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;

import java.util.Locale;
import java.util.Random;

/**
 * Measures training throughput (forward + backward + AdamW) of a model shape on random tokens, to
 * plan how many steps fit in a time budget. A benchmark, not a test: it prints figures.
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    /** Tokens per second over {@code steps} steps after one warm-up step. */
    static boolean verbose = Boolean.getBoolean("aisle.bench.verbose");

    /** Resident memory of this process (Linux), to see that native memory stays flat over steps. */
    static long residentMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public static double measure(LlamaConfig config, int rows, int length, int steps) {
        try (NDManager m = NDManager.newBaseManager();
             LlamaModel model = LlamaModel.random(config, m, 1);
             NextTokenTrainer t = new NextTokenTrainer(new LlamaTrainable(model), "bench",
                     RunSettings.of(steps + 1, 1e-4, 1), m)) {
            Random r = new Random(1);
            BatchSource data = new BatchSource() {
                @Override
                public TokenBatch batch(long index) {
                    int[][] in = new int[rows][length];
                    int[][] out = new int[rows][length];
                    float[][] w = new float[rows][length];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < length; j++) {
                            in[i][j] = r.nextInt(config.vocabSize());
                            out[i][j] = r.nextInt(config.vocabSize());
                            w[i][j] = 1;
                        }
                    }
                    return new TokenBatch(in, out, w);
                }

                @Override
                public long batchesPerEpoch() {
                    return Long.MAX_VALUE;
                }
            };
            t.trainStep(data.batch(0));
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                t.trainStep(data.batch(s + 1));
                if (verbose) {
                    System.out.printf(Locale.ROOT, "step %d rss %,d MB%n", s + 1, residentMegabytes());
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return (double) rows * length * steps / seconds;
        }
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        LlamaConfig c = LlamaConfig.defaultShape();
        double tps = measure(c, rows, length, steps);
        System.out.printf(Locale.ROOT, "default shape (%,d params), batch %d x %d: %,.0f tokens/s%n",
                c.parameterCount(), rows, length, tps);
    }
}
