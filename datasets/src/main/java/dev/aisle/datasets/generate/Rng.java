package dev.aisle.datasets.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * SplitMix64: a tiny generator whose output is fixed by its seed on every JVM, so the same seed
 * always gives the same corpus bytes (java.util.Random's derived methods are not specified tightly
 * enough to promise that across releases, and StrictMath keeps the floating-point part stable).
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = mix(seed);
    }

    /** An independent stream for one named part of the corpus, so parts do not shift each other. */
    public static Rng of(long seed, String stream, long index) {
        return new Rng(mix(seed * 31 + stream.hashCode()) ^ mix(index + 0x632BE59BD9B4E019L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double unit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, n). */
    public int below(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + n);
        }
        return (int) (unit() * n);
    }

    /** Uniform in [lo, hi], both inclusive. */
    public int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    public double between(double lo, double hi) {
        return lo + unit() * (hi - lo);
    }

    public boolean chance(double p) {
        return unit() < p;
    }

    /** Standard normal (Box–Muller with StrictMath, for platform-independent values). */
    public double gaussian() {
        double u1 = Math.max(unit(), 1e-12);
        double u2 = unit();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    public <T> T pick(List<T> items) {
        return items.get(below(items.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... items) {
        return items[below(items.length)];
    }

    /** Index drawn with probability proportional to its weight. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = unit() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Up to k distinct items in random order. */
    public <T> List<T> sample(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        int n = Math.min(k, copy.size());
        for (int i = 0; i < n; i++) {
            int j = i + below(copy.size() - i);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return new ArrayList<>(copy.subList(0, n));
    }
}
