package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.Backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Iteration-level scheduling: after every step finished sequences have left and waiting ones join.
 * Each step spends a token budget: first one token for every decoding sequence (so a long prompt
 * never stalls them), then chunks of unfinished prefills, then new admissions while the batch,
 * the budget and the free KV blocks allow. When a sequence needs a block and none is free, the
 * newest running sequence is preempted by recompute.
 */
public final class ContinuousScheduler extends IterationScheduler {

    /** Blocks kept free at admission so running sequences can grow without preempting at once. */
    private final int watermarkBlocks;

    public ContinuousScheduler(Backend backend, SchedulerConfig config) {
        super(backend, config);
        this.watermarkBlocks = Math.max(1, pool.numBlocks() / 100);
    }

    @Override
    public String name() {
        return "continuous";
    }

    @Override
    protected List<Scheduled> schedule() {
        int budget = config.maxBatchedTokens();
        List<Scheduled> plan = new ArrayList<>();
        List<Sequence> order = new ArrayList<>(running);
        order.sort(Comparator.<Sequence>comparingInt(s -> s.prefilling() ? 1 : 0).thenComparingLong(s -> s.seqId));
        for (Sequence s : order) {
            if (budget == 0) {
                break;
            }
            if (!isRunning(s)) {
                continue; // preempted as a victim earlier in this loop
            }
            int count = s.prefilling() ? Math.min(s.uncomputed(), budget) : 1;
            while (!ensureBlocks(s, s.computed + count)) {
                Sequence victim = newestRunning();
                for (int i = 0; i < plan.size(); i++) {
                    if (plan.get(i).seq() == victim) {
                        budget += plan.remove(i).count();
                        break;
                    }
                }
                preempt(victim);
                if (victim == s) {
                    break;
                }
            }
            if (isRunning(s)) {
                plan.add(new Scheduled(s, count));
                budget -= count;
            }
        }
        long now = System.nanoTime();
        while (budget > 0 && running.size() < config.maxRunning()) {
            Sequence s = preempted.isEmpty() ? waiting.peekFirst() : preempted.peek();
            if (s == null) {
                break;
            }
            boolean attached = false;
            if (s.blocks.size() == 0 && s.computed == 0) {
                s.computed = pool.attachCachedPrefix(s.blocks, s.tokens());
                attached = true;
            }
            int count = Math.min(s.uncomputed(), budget);
            int need = pool.blocksFor(s.computed + count) - s.blocks.size();
            boolean fits = need + (running.isEmpty() ? 0 : watermarkBlocks) <= pool.freeBlocks()
                    && ensureBlocks(s, s.computed + count);
            if (!fits) {
                if (attached) {
                    pool.releaseAll(s.blocks);
                    s.computed = 0;
                }
                break;
            }
            admit(s, now);
            plan.add(new Scheduled(s, count));
            budget -= count;
        }
        return plan;
    }

    private Sequence newestRunning() {
        Sequence newest = running.get(0);
        for (Sequence s : running) {
            if (s.seqId > newest.seqId) {
                newest = s;
            }
        }
        return newest;
    }
}
