package dev.aisle.engine.model;

import java.util.Arrays;

/**
 * A named float32 tensor held on the Java heap, row-major, as it travels between a safetensors
 * file and the model.
 */
public record Tensor(long[] shape, float[] data) {

    public Tensor {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
