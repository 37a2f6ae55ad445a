package dev.aisle.engine.serving.backend;

import java.util.List;

/**
 * Runs the model one iteration at a time for a batch of sequences whose KV cache lives in
 * fixed-size blocks. The scheduler owns which blocks a sequence holds (its block table); the
 * backend owns the tensors behind the block ids.
 *
 * <p>Contract: for each {@link StepInput}, the backend writes the K/V of {@code tokens} at
 * positions {@code startPosition .. startPosition + tokens.length - 1} into the blocks named by
 * {@code blockTable} (position p lives in block {@code blockTable[p / blockSize]}, slot
 * {@code p % blockSize}), attends over positions {@code 0 .. startPosition + tokens.length - 1},
 * and, when {@code wantLogits}, returns the next-token logits after the last token.
 */
public interface Backend extends AutoCloseable {

    BackendInfo info();

    StepOutput step(List<StepInput> batch);

    @Override
    void close();
}
