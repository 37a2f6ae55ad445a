package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.ServingListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Randomised invariant: whatever happens to 10,000 requests, every KV block is free at the end. */
class BlockAccountingTest {

    private static final int REQUESTS = 10_000;

    @Test
    void everyBlockIsFreeAfterRandomRequestsCancellationsAndPreemptions() {
        long seed = Long.getLong("aisle.test.seed", System.nanoTime());
        System.err.println("BlockAccountingTest seed=" + seed + " (rerun with -Daisle.test.seed=" + seed + ")");
        Random rnd = new Random(seed);
        // A small pool so that running sequences outgrow it and preemption is forced.
        PrefixHashBackend backend = new PrefixHashBackend(64, 96, 4, 48, 23);
        ContinuousScheduler scheduler = new ContinuousScheduler(backend,
                new SchedulerConfig(12, 40, 200, PrefixHashBackend.END));
        int[] preemptions = {0};
        scheduler.addListener(new ServingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                preemptions[0] += e.preempted();
                assertTrue(e.kvBlocksUsed() <= 48);
            }
        });
        int[][] sharedPrefixes = new int[4][];
        for (int i = 0; i < sharedPrefixes.length; i++) {
            sharedPrefixes[i] = randomTokens(rnd, 8 + rnd.nextInt(12));
        }
        List<RequestHandle> handles = new ArrayList<>();
        List<GenerationRequest> requests = new ArrayList<>();
        int submitted = 0;
        while (submitted < REQUESTS || scheduler.pending() > 0) {
            int arrivals = submitted < REQUESTS ? rnd.nextInt(4) : 0;
            for (int a = 0; a < arrivals && submitted < REQUESTS; a++, submitted++) {
                int[] prompt = randomTokens(rnd, 1 + rnd.nextInt(40));
                if (rnd.nextInt(3) == 0) {
                    int[] prefix = sharedPrefixes[rnd.nextInt(sharedPrefixes.length)];
                    int[] joined = Arrays.copyOf(prefix, prefix.length + prompt.length);
                    System.arraycopy(prompt, 0, joined, prefix.length, prompt.length);
                    prompt = joined;
                }
                GenerationRequest r = GenerationRequest.greedy("r" + submitted, prompt, 1 + rnd.nextInt(30));
                if (rnd.nextInt(50) == 0) {
                    r = r.withTimeout(Duration.ofNanos(1));
                }
                requests.add(r);
                handles.add(scheduler.submit(r));
            }
            if (rnd.nextInt(10) == 0 && !handles.isEmpty()) {
                handles.get(handles.size() - 1 - rnd.nextInt(Math.min(handles.size(), 30))).cancel();
            }
            scheduler.step();
        }
        assertTrue(scheduler.pool().allFree(), "blocks still referenced after all requests ended (seed " + seed + ")");
        assertTrue(preemptions[0] > 0, "the test must force preemptions (seed " + seed + ")");
        assertTrue(scheduler.pool().prefixHitTokens() > 0, "shared prefixes must hit the cache (seed " + seed + ")");
        int[] byReason = new int[FinishReason.values().length];
        for (int i = 0; i < handles.size(); i++) {
            GenerationResult r = handles.get(i).result().getNow(null);
            assertTrue(r != null, "request " + i + " never finished (seed " + seed + ")");
            byReason[r.finishReason().ordinal()]++;
            int[] expected = backend.reference(requests.get(i).prompt(), requests.get(i).maxTokens());
            switch (r.finishReason()) {
                case STOP, LENGTH -> assertArrayEquals(expected, r.outputTokens(),
                        "request " + i + " output differs from generating alone (seed " + seed + ")");
                default -> assertArrayEquals(Arrays.copyOf(expected, r.outputTokenCount()), r.outputTokens(),
                        "request " + i + " partial output is not a prefix of the reference (seed " + seed + ")");
            }
        }
        assertEquals(REQUESTS, Arrays.stream(byReason).sum());
        assertTrue(byReason[FinishReason.CANCELLED.ordinal()] > 0);
        assertTrue(byReason[FinishReason.DEADLINE.ordinal()] > 0);
        assertTrue(byReason[FinishReason.STOP.ordinal()] > 0);
        assertTrue(byReason[FinishReason.LENGTH.ordinal()] > 0);
    }

    static int[] randomTokens(Random rnd, int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = 6 + rnd.nextInt(58);
        }
        return t;
    }
}
