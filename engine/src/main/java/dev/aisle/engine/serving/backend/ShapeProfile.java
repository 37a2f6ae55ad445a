package dev.aisle.engine.serving.backend;

import java.util.List;

/**
 * The fixed shapes a Neuron deployment compiles: batch-size buckets for token generation and
 * sequence-length buckets for context encoding. A step is padded up to the smallest bucket that
 * holds it.
 *
 * @param batchBuckets   token-generation batch sizes, ascending
 * @param contextBuckets context-encoding (prefill) lengths, ascending
 */
public record ShapeProfile(List<Integer> batchBuckets, List<Integer> contextBuckets) {

    public ShapeProfile {
        batchBuckets = checked("batchBuckets", batchBuckets);
        contextBuckets = checked("contextBuckets", contextBuckets);
    }

    /** Powers of two up to 32 sequences; prefill chunks of 64 to 512 tokens. */
    public static ShapeProfile defaults() {
        return new ShapeProfile(List.of(1, 2, 4, 8, 16, 32), List.of(64, 128, 256, 512));
    }

    /** Parses "1,2,4,8/64,128,256" (batch buckets / context buckets). */
    public static ShapeProfile parse(String spec) {
        String[] parts = spec.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("shape profile must look like \"1,2,4,8/64,128,256\", got \"" + spec + "\"");
        }
        return new ShapeProfile(ints(parts[0], spec), ints(parts[1], spec));
    }

    private static List<Integer> ints(String s, String spec) {
        try {
            return java.util.Arrays.stream(s.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape profile \"" + spec + "\": not a list of integers: \"" + s + "\"");
        }
    }

    public int maxBatch() {
        return batchBuckets.get(batchBuckets.size() - 1);
    }

    public int maxContextChunk() {
        return contextBuckets.get(contextBuckets.size() - 1);
    }

    public int batchBucket(int n) {
        return bucket(batchBuckets, n, "batch size");
    }

    public int contextBucket(int n) {
        return bucket(contextBuckets, n, "prefill chunk");
    }

    private static int bucket(List<Integer> buckets, int n, String what) {
        for (int b : buckets) {
            if (b >= n) {
                return b;
            }
        }
        throw new IllegalArgumentException(what + " " + n + " exceeds the largest compiled bucket "
                + buckets.get(buckets.size() - 1));
    }

    private static List<Integer> checked(String name, List<Integer> b) {
        if (b.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i) <= 0 || (i > 0 && b.get(i) <= b.get(i - 1))) {
                throw new IllegalArgumentException(name + " must be positive and ascending, got " + b);
            }
        }
        return List.copyOf(b);
    }
}
