package dev.aisle.engine.serving.scheduler;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching never changes results: the real CPU backend with a tiny random-weight model. */
class BatchInvarianceTest {

    static NDManager manager;
    static LlamaModel model;
    static CpuBackend backend;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager("PyTorch");
        LlamaConfig c = new LlamaConfig(32, 48, 2, 4, 2, 8, 1e-5, 10000.0, 64, 256, false);
        model = LlamaModel.random(c, manager, 11);
        backend = new CpuBackend(model, 128, 8);
    }

    @AfterAll
    static void close() {
        backend.close();
        model.close();
        manager.close();
    }

    @Test
    void greedyTokensOfABatchOf32MixedLengthsEqualGeneratingEachAlone() {
        Random rnd = new Random(2024);
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int[] prompt = new int[1 + rnd.nextInt(40)];
            for (int j = 0; j < prompt.length; j++) {
                prompt[j] = 6 + rnd.nextInt(58);
            }
            requests.add(GenerationRequest.greedy("b" + i, prompt, 1 + rnd.nextInt(12)));
        }
        List<int[]> alone = new ArrayList<>();
        ContinuousScheduler single = new ContinuousScheduler(backend, new SchedulerConfig(1, 256, 100, 5));
        for (GenerationRequest r : requests) {
            RequestHandle h = single.submit(r);
            single.runUntilIdle();
            alone.add(h.result().join().outputTokens());
        }
        // A 40-token budget forces chunked prefill interleaved with decodes of other sequences.
        ContinuousScheduler batched = new ContinuousScheduler(backend, new SchedulerConfig(32, 40, 100, 5));
        int[] maxBatch = {0};
        batched.addListener(new dev.aisle.engine.serving.metrics.ServingListener() {
            @Override
            public void onIteration(dev.aisle.engine.serving.metrics.IterationEvent e) {
                maxBatch[0] = Math.max(maxBatch[0], e.batchSize());
            }
        });
        List<RequestHandle> handles = requests.stream().map(batched::submit).toList();
        batched.runUntilIdle();
        int tokens = 0;
        for (int i = 0; i < requests.size(); i++) {
            GenerationResult r = handles.get(i).result().join();
            assertArrayEquals(alone.get(i), r.outputTokens(), "request " + i + " (prompt " + requests.get(i).prompt().length
                    + " tokens) differs when batched");
            tokens += r.outputTokenCount();
        }
        assertTrue(tokens > 60, "the batch must actually generate, got " + tokens + " tokens");
        assertTrue(maxBatch[0] >= 8, "sequences must really share steps, max batch " + maxBatch[0]);
        assertTrue(batched.pool().allFree());
        assertEquals(0, batched.pending());
    }
}
