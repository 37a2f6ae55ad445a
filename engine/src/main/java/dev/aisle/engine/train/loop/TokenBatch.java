package dev.aisle.engine.train.loop;

/**
 * One training batch: inputs and next-token targets of equal shape {@code [B, T]}, and a weight
 * per target (1 where the loss counts, 0 on padding and, for SFT, on the prompt).
 */
public record TokenBatch(int[][] inputs, int[][] targets, float[][] weights) {

    public TokenBatch {
        if (inputs.length == 0 || inputs.length != targets.length || inputs.length != weights.length) {
            throw new IllegalArgumentException("batch rows differ: inputs " + inputs.length + ", targets "
                    + targets.length + ", weights " + weights.length);
        }
        int t = inputs[0].length;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != t || targets[i].length != t || weights[i].length != t) {
                throw new IllegalArgumentException("row " + i + " is not " + t + " tokens long");
            }
        }
    }

    public int rows() {
        return inputs.length;
    }

    public int length() {
        return inputs[0].length;
    }

    /** Positions processed by the model (padding included): what tokens/s counts. */
    public int tokens() {
        return rows() * length();
    }

    /** Targets the loss counts. */
    public int countedTargets() {
        int n = 0;
        for (float[] row : weights) {
            for (float w : row) {
                if (w > 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
