package dev.aisle.engine.serving.bench;

/**
 * The most any batching can gain over sequential serving on one trace with one backend. Both must compute every
 * prompt token, so prefill is a fixed cost (Amdahl's law): batching can only shrink decode. The best case keeps
 * every decode step as wide as the continuous run's widest steady batch.
 *
 * @param prefillShare share of sequential's model time spent on prompt tokens
 * @param widestBatch  decode batch the ceiling assumes for every decode step
 * @param ceiling      sequential model time ÷ (the same prefill + its decode tokens in steps of {@code widestBatch})
 * @param freeDecode   sequential model time ÷ its prefill alone: the bound even if decode cost nothing
 */
public record BatchingCeiling(double prefillShare, int widestBatch, double ceiling, double freeDecode) {

    static BatchingCeiling of(StepCosts sequential, StepCosts continuous) {
        double model = sequential.prefillMs() + sequential.decodeMs();
        double decodeAtWidest = continuous.widestDecodeBatch() == 0 ? Double.NaN
                : (double) sequential.decodeTokens() / continuous.widestDecodeBatch() * continuous.widestDecodeStepMs();
        return new BatchingCeiling(sequential.prefillMs() / model, continuous.widestDecodeBatch(),
                model / (sequential.prefillMs() + decodeAtWidest), model / sequential.prefillMs());
    }
}
