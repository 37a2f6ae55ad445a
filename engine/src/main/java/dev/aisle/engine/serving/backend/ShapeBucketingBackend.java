package dev.aisle.engine.serving.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code neuron-profile} backend: Neuron-style static shapes on top of another backend (the
 * CPU one), so scheduling under fixed shapes can be profiled without a Neuron device. Every step
 * is padded as a compiled-graph deployment would pad it: each prefill chunk (context encoding) up
 * to its sequence-length bucket, and the decode rows (token generation) up to the batch-size
 * bucket. The padding is really computed: it is appended as dummy rows that write only to
 * scratch blocks reserved at the top of the pool and whose logits are dropped, so step times
 * include its cost and real sequences are untouched.
 */
public final class ShapeBucketingBackend implements Backend, PaddingReporter {

    private static final int PAD = 0;
    private final Backend inner;
    private final ShapeProfile profile;
    private final BackendInfo info;
    private final int[] scratch;
    private int lastPadding;

    public ShapeBucketingBackend(Backend inner, ShapeProfile profile) {
        this.inner = inner;
        this.profile = profile;
        BackendInfo in = inner.info();
        int scratchBlocks = (profile.maxContextChunk() + in.blockSize() - 1) / in.blockSize();
        if (scratchBlocks >= in.numBlocks()) {
            throw new IllegalArgumentException("KV pool of " + in.numBlocks() + " blocks is too small to reserve "
                    + scratchBlocks + " scratch blocks for padding");
        }
        this.scratch = new int[scratchBlocks];
        for (int i = 0; i < scratchBlocks; i++) {
            scratch[i] = in.numBlocks() - scratchBlocks + i;
        }
        this.info = new BackendInfo("neuron-profile(" + in.name() + ")", in.vocabSize(), in.maxContext(), in.blockSize(),
                in.numBlocks() - scratchBlocks);
    }

    public ShapeProfile profile() {
        return profile;
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public StepOutput step(List<StepInput> batch) {
        List<StepInput> padded = new ArrayList<>(batch);
        int padding = 0;
        int decodes = 0;
        for (StepInput in : batch) {
            if (in.tokens().length == 1) {
                decodes++;
            } else {
                int pad = profile.contextBucket(in.tokens().length) - in.tokens().length;
                if (pad > 0) {
                    padded.add(dummy(pad));
                    padding += pad;
                }
            }
        }
        if (decodes > 0) {
            int pad = profile.batchBucket(decodes) - decodes;
            for (int i = 0; i < pad; i++) {
                padded.add(dummy(1));
            }
            padding += pad;
        }
        lastPadding = padding;
        StepOutput out = inner.step(padded);
        return new StepOutput(Arrays.copyOf(out.logits(), batch.size()), out.modelNanos());
    }

    /** Padding rows compute at position 0 of the scratch blocks: same cost, no effect on real sequences. */
    private StepInput dummy(int tokens) {
        return new StepInput(-1, new int[tokens], 0, scratch, false);
    }

    @Override
    public int lastStepPaddingTokens() {
        return lastPadding;
    }

    @Override
    public void close() {
        inner.close();
    }
}
