package dev.aisle.engine.train.loop;

import ai.djl.ndarray.NDArray;

/** Cross-entropy of next-token prediction, averaged over the targets whose weight is non-zero. */
public final class LanguageModelLoss {

    private LanguageModelLoss() {
    }

    /**
     * @param logits  {@code [B, T, V]}
     * @param targets {@code [B, T]} int64 token ids
     * @param weights {@code [B, T]} float, 1 where the loss counts
     * @return scalar mean negative log-likelihood over counted targets
     */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray weights) {
        NDArray tokenLogProb = tokenLogProbs(logits, targets);
        return tokenLogProb.mul(weights).sum().neg().div(weights.sum().maximum(1f));
    }

    /** log p(target) per position, {@code [B, T]}. */
    public static NDArray tokenLogProbs(NDArray logits, NDArray targets) {
        NDArray logProbs = logits.logSoftmax(-1);
        return logProbs.gather(targets.expandDims(-1), -1).squeeze(-1);
    }
}
