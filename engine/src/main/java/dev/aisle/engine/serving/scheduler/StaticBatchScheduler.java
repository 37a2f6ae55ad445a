package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.Backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline continuous batching is measured against: a batch is formed from the queue only
 * when the previous one has ended, every prompt is prefilled in one step, and the batch decodes
 * until its last sequence ends. Blocks for each member's prompt plus max tokens are reserved at
 * formation, so it never preempts.
 *
 * <p>Padding is counted, not computed: a framework with static shapes pads every prompt to the
 * longest in the batch and keeps finished rows in the batch; those slots are reported as padding
 * ({@code padding_waste}), but the backend is only given the real tokens, which flatters this
 * baseline's step time a little.
 *
 * <p>With {@code maxRunning = 1} this is the sequential baseline (one request at a time).
 */
public final class StaticBatchScheduler extends IterationScheduler {

    private final String name;
    private int formedSize;
    private boolean prefilled;

    public StaticBatchScheduler(Backend backend, SchedulerConfig config) {
        this(backend, config, "static");
    }

    private StaticBatchScheduler(Backend backend, SchedulerConfig config, String name) {
        super(backend, config);
        this.name = name;
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
    protected List<Scheduled> schedule() {
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
            paddingThisIteration = formedSize * longest - total;
            prefilled = true;
        } else {
            for (Sequence s : running) {
                if (!ensureBlocks(s, s.length())) {
                    throw new IllegalStateException("static batch ran out of reserved KV blocks for " + s.request.id());
                }
                plan.add(new Scheduled(s, 1));
            }
            paddingThisIteration = formedSize - running.size();
        }
        return plan;
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
