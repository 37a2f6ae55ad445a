package dev.aisle.engine.serving.metrics;

/**
 * One scheduler iteration, as the dashboards and trace exporters see it.
 *
 * @param iteration       counter from 1
 * @param startNanos      {@link System#nanoTime()} at the start of the iteration
 * @param schedulingNanos time spent deciding and bookkeeping (everything but the model)
 * @param modelNanos      time inside {@code Backend.step}
 * @param running         sequences in the batch after this iteration
 * @param waiting         requests queued (including preempted ones)
 * @param preempted       sequences preempted in this iteration
 * @param batchSize       sequences that took part in the step
 * @param prefillTokens   prompt tokens computed in this step
 * @param decodeTokens    output tokens produced in this step
 * @param paddingTokens   token slots spent on padding (static batching, shape buckets)
 * @param kvBlocksUsed    referenced KV blocks after this iteration
 * @param kvUsage         kvBlocksUsed / total blocks
 * @param prefixHitRate   share of looked-up prompt tokens served from cached blocks, cumulative
 */
public record IterationEvent(long iteration, long startNanos, long schedulingNanos, long modelNanos,
                             int running, int waiting, int preempted, int batchSize,
                             int prefillTokens, int decodeTokens, int paddingTokens,
                             int kvBlocksUsed, double kvUsage, double prefixHitRate) {

    public long totalNanos() {
        return schedulingNanos + modelNanos;
    }
}
