package dev.aisle.engine.train.data;

import java.util.Random;

/** Seeded Fisher–Yates permutations, so the data order depends on the seed only. */
public final class Shuffle {

    private Shuffle() {
    }

    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
