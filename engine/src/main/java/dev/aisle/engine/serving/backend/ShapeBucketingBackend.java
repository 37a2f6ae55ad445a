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
    private final ScratchBlocks scratch;
    private int lastPadding;

    public ShapeBucketingBackend(Backend inner, ShapeProfile profile) {
        this.inner = inner;
        this.profile = profile;
        BackendInfo in = inner.info();
        this.scratch = ScratchBlocks.atTopOf(in, (profile.maxContextChunk() + in.blockSize() - 1) / in.blockSize());
        this.info = new BackendInfo("neuron-profile(" + in.name() + ")", in.vocabSize(), in.maxContext(), in.blockSize(),
                in.numBlocks() - scratch.count());
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
                    padded.add(scratch.paddingRow(pad));
                    padding += pad;
                }
            }
        }
        if (decodes > 0) {
            int pad = profile.batchBucket(decodes) - decodes;
            for (int i = 0; i < pad; i++) {
                padded.add(scratch.paddingRow(1));
            }
            padding += pad;
        }
        lastPadding = padding;
        StepOutput out = inner.step(padded);
        return new StepOutput(Arrays.copyOf(out.logits(), batch.size()), out.modelNanos());
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
