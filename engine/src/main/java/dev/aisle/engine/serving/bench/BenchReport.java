package dev.aisle.engine.serving.bench;

import java.util.List;

/**
 * Everything one {@code aisle bench} invocation measured, as printed with {@code --json}.
 *
 * @param prompts     the prompt mix: source, token counts
 * @param runs        one per scheduler and rate
 * @param comparisons continuous against the baselines, per rate (present with --compare)
 * @param mfu         batch-32 decode as a share of the measured matmul peak (absent with --no-mfu)
 */
public record BenchReport(Setup setup, PromptMix prompts, List<BenchRun> runs, List<Comparison> comparisons,
                          List<Mfu> mfu) {

    /** What ran: model shape, backend, scheduler limits, seeds, machine. */
    public record Setup(String model, long parameters, String backend, int kvBlocks, int blockSize, int maxRunning,
                        int maxBatchedTokens, int maxWaiting, long seed, int cores, String note) {
    }

    public record PromptMix(String source, int requests, double promptTokensMean, int promptTokensMin,
                            int promptTokensMax, double maxTokensMean) {
    }

    /**
     * @param throughputVsStatic     continuous output tokens/s ÷ static's
     * @param throughputVsSequential continuous output tokens/s ÷ sequential's
     * @param p99TtftStaticOverContinuous static's p99 TTFT ÷ continuous's (≥ 3 is the target)
     */
    public record Comparison(double rate, double throughputVsStatic, double throughputVsSequential,
                             double p99TtftStaticOverContinuous, double goodputVsStatic) {
    }

    /**
     * @param batch         sequences per decode step
     * @param stepMs        mean model time of a pure decode step at that batch
     * @param tokensPerS    decode tokens per second
     * @param gflops        achieved model GFLOP/s
     * @param peakGflops    measured fp32 2048³ matmul rate
     * @param mfu           gflops / peakGflops
     */
    public record Mfu(int batch, int context, double stepMs, double tokensPerS, double gflops, double peakGflops,
                      double mfu) {
    }
}
