package dev.aisle.engine.serving.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The machine's measured fp32 matrix-multiply rate through DJL (the peak MFU is measured against). */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    /** Best of {@code repeats} n×n×n multiplications, in GFLOP/s. */
    public static double measureGflops(int n, int repeats) {
        if (n <= 0 || repeats <= 0) {
            throw new IllegalArgumentException("n and repeats must be > 0, got " + n + ", " + repeats);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = manager.randomUniform(-1, 1, new Shape(n, n));
            try (NDManager warm = manager.newSubManager()) {
                a.matMul(b).attach(warm);
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                try (NDManager step = manager.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(step);
                    c.getFloat(0, 0); // forces the result
                    best = Math.min(best, System.nanoTime() - t0);
                }
            }
            return 2.0 * n * n * (double) n / best;
        }
    }
}
