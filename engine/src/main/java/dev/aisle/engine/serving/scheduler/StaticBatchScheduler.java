package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.StepInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline continuous batching is measured against: a batch is formed from the queue only
 * when the previous one has ended, every prompt is prefilled in one step, and the batch decodes
 * until its last sequence ends. Blocks for each member's prompt plus max tokens are reserved at
 * formation, so it never preempts.
 *
 * <p>Padding is computed, as a framework with static shapes computes it: every prompt is padded to
 * the longest of the batch and finished rows stay in the batch until the last one ends. The padding
 * goes to the backend as extra rows that write only to scratch blocks kept out of the pool and whose
 * logits are dropped, so step times include its cost and real sequences are untouched; it is also
 * reported ({@code padding_waste}). A padding row attends only over itself, so a padded prompt costs a
 * little less than it would in one tensor: the baseline is, if anything, flattered.
 *
 * <p>With {@code maxRunning = 1} this is the sequential baseline (one request at a time).
 */
public final class StaticBatchScheduler extends IterationScheduler {

    private final String name;
    private int formedSize;
    private boolean prefilled;
    private final List<StepInput> padding = new ArrayList<>();

    public StaticBatchScheduler(Backend backend, SchedulerConfig config) {
        this(backend, config, "static");
    }

    private StaticBatchScheduler(Backend backend, SchedulerConfig config, String name) {
        // One prompt's worth of scratch: the longest padding row is shorter than the longest prompt.
        super(backend, config, config.maxRunning() > 1 ? scratchBlocks(backend) : 0);
        this.name = name;
    }

    private static int scratchBlocks(Backend backend) {
        var info = backend.info();
        return Math.min((info.maxContext() + info.blockSize() - 1) / info.blockSize(), info.numBlocks() / 8);
    }

    /** One request at a time on the same machinery. */
    public static StaticBatchScheduler sequential(Backend backend, SchedulerConfig config) {
        return new StaticBatchScheduler(backend, config.withMaxRunning(1), "sequential");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected List<StepInput> paddingRows() {
        return padding;
    }

    @Override
    protected List<Scheduled> schedule() {
        padding.clear();
        if (running.isEmpty()) {
            formBatch();
        }
        List<Scheduled> plan = new ArrayList<>();
        if (running.isEmpty()) {
            return plan;
        }
        if (!prefilled) {
            int longest = 0;
            int total = 0;
            for (Sequence s : running) {
                ensureBlocks(s, s.length());
                plan.add(new Scheduled(s, s.uncomputed()));
                longest = Math.max(longest, s.uncomputed());
                total += s.uncomputed();
            }
            for (Sequence s : running) {
                addPadding(longest - s.uncomputed());
            }
            paddingThisIteration = formedSize * longest - total;
            prefilled = true;
        } else {
            for (Sequence s : running) {
                if (!ensureBlocks(s, s.length())) {
                    throw new IllegalStateException("static batch ran out of reserved KV blocks for " + s.request.id());
                }
                plan.add(new Scheduled(s, 1));
            }
            for (int i = running.size(); i < formedSize; i++) {
                addPadding(1);
            }
            paddingThisIteration = formedSize - running.size();
        }
        return plan;
    }

    /** A row of padding, cut to the scratch blocks (a longer one would only repeat the same work). */
    private void addPadding(int tokens) {
        int room = scratch.capacityTokens();
        if (tokens > 0 && room > 0) {
            padding.add(scratch.paddingRow(Math.min(tokens, room)));
        }
    }

    private void formBatch() {
        long now = System.nanoTime();
        int reserved = 0;
        List<Sequence> batch = new ArrayList<>();
        while (batch.size() < config.maxRunning() && !waiting.isEmpty()) {
            Sequence s = waiting.peekFirst();
            int need = pool.blocksFor(s.length() + s.maxTokens - s.outputCount());
            if (reserved + need > pool.freeBlocks()) {
                break;
            }
            reserved += need;
            admit(s, now);
            batch.add(s);
        }
        formedSize = batch.size();
        prefilled = false;
    }
}
