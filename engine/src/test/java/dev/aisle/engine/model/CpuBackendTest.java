package dev.aisle.engine.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class CpuBackendTest {

    static NDManager manager;
    static LlamaModel model;
    static final int BLOCK = 4;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager("PyTorch");
        LlamaConfig c = TinyModels.gqaUntied();
        model = LlamaModel.fromTensors(c, TinyModels.randomWeights(c, 99), manager);
    }

    @AfterAll
    static void tearDown() {
        model.close();
        manager.close();
    }

    /** Logits of the full-sequence forward at every position. */
    static float[][] reference(int[] ids) {
        int v = model.config().vocabSize();
        float[] flat = model.forward(manager.create(ids, new Shape(1, ids.length))).toFloatArray();
        float[][] out = new float[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            out[t] = Arrays.copyOfRange(flat, t * v, (t + 1) * v);
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, what + " index " + i);
        }
    }

    /** A shuffled, non-contiguous block table so paging is really exercised. */
    static int[] blocks(Random r, List<Integer> free, int count) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            t[i] = free.remove(r.nextInt(free.size()));
        }
        return t;
    }

    static List<Integer> freeList(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void chunkedPrefillThenDecodeMatchesFullForward() {
        Random r = new Random(1);
        int[] ids = r.ints(23, 0, 50).toArray();
        float[][] ref = reference(ids);
        try (CpuBackend be = new CpuBackend(model, 16, BLOCK)) {
            int[] table = blocks(r, freeList(16), 6);
            StepOutput o = be.step(List.of(new StepInput(1, Arrays.copyOfRange(ids, 0, 9), 0, table, true)));
            assertClose(ref[8], o.logits()[0], "after chunk 1");
            o = be.step(List.of(new StepInput(1, Arrays.copyOfRange(ids, 9, 15), 9, table, true)));
            assertClose(ref[14], o.logits()[0], "after chunk 2");
            for (int p = 15; p < ids.length; p++) {
                o = be.step(List.of(new StepInput(1, new int[]{ids[p]}, p, table, true)));
                assertClose(ref[p], o.logits()[0], "decode at " + p);
            }
        }
    }

    @Test
    void mixedBatchGivesEachSequenceItsOwnLogits() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        try (CpuBackend be = new CpuBackend(model, 64, BLOCK)) {
            List<Integer> free = freeList(64);
            int seqs = 5;
            int[][] ids = new int[seqs][];
            int[][] tables = new int[seqs][];
            int[] done = new int[seqs];
            float[][][] ref = new float[seqs][][];
            for (int s = 0; s < seqs; s++) {
                ids[s] = r.ints(5 + r.nextInt(20), 0, 50).toArray();
                tables[s] = blocks(r, free, (ids[s].length + BLOCK - 1) / BLOCK);
                ref[s] = reference(ids[s]);
            }
            // Every step: each unfinished sequence contributes a random chunk (1 token = decode).
            while (Arrays.stream(done).anyMatch(d -> d >= 0)) {
                List<StepInput> batch = new ArrayList<>();
                List<Integer> who = new ArrayList<>();
                for (int s = 0; s < seqs; s++) {
                    if (done[s] < 0 || r.nextInt(4) == 0) {
                        continue;
                    }
                    int n = Math.min(ids[s].length - done[s], r.nextBoolean() ? 1 : 1 + r.nextInt(8));
                    batch.add(new StepInput(s, Arrays.copyOfRange(ids[s], done[s], done[s] + n), done[s], tables[s], r.nextInt(5) > 0));
                    who.add(s);
                }
                if (batch.isEmpty()) {
                    continue;
                }
                StepOutput o = be.step(batch);
                for (int k = 0; k < batch.size(); k++) {
                    int s = who.get(k);
                    StepInput in = batch.get(k);
                    int last = in.startPosition() + in.tokens().length - 1;
                    if (in.wantLogits()) {
                        assertClose(ref[s][last], o.logits()[k], "seed " + seed + " seq " + s + " pos " + last);
                    } else {
                        assertNull(o.logits()[k]);
                    }
                    done[s] = last + 1 == ids[s].length ? -1 : last + 1;
                }
            }
        }
    }

    @Test
    void greedyAloneEqualsGreedyInsideABatch() {
        Random r = new Random(5);
        int seqs = 5;
        int steps = 12;
        int[][] prompts = new int[seqs][];
        for (int s = 0; s < seqs; s++) {
            prompts[s] = r.ints(3 + 4 * s, 0, 50).toArray();
        }
        int[][] alone = new int[seqs][];
        try (CpuBackend be = new CpuBackend(model, 96, BLOCK)) {
            for (int s = 0; s < seqs; s++) {
                alone[s] = greedy(be, List.of(prompts[s]), steps).get(0);
            }
            List<int[]> together = greedy(be, Arrays.asList(prompts), steps);
            for (int s = 0; s < seqs; s++) {
                assertArrayEquals(alone[s], together.get(s), "sequence " + s);
            }
        }
    }

    /** Prefill all prompts in one step, then decode all together; returns generated ids per prompt. */
    static List<int[]> greedy(CpuBackend be, List<int[]> prompts, int steps) {
        int per = 16;
        List<StepInput> batch = new ArrayList<>();
        for (int s = 0; s < prompts.size(); s++) {
            int[] table = new int[per];
            for (int b = 0; b < per; b++) {
                table[b] = s * per + b;
            }
            batch.add(new StepInput(s, prompts.get(s), 0, table, true));
        }
        List<int[]> out = new ArrayList<>();
        prompts.forEach(p -> out.add(new int[steps]));
        for (int t = 0; t < steps; t++) {
            StepOutput o = be.step(batch);
            List<StepInput> next = new ArrayList<>();
            for (int s = 0; s < batch.size(); s++) {
                int tok = argmax(o.logits()[s]);
                out.get(s)[t] = tok;
                StepInput in = batch.get(s);
                next.add(new StepInput(s, new int[]{tok}, in.startPosition() + in.tokens().length, in.blockTable(), true));
            }
            batch = next;
        }
        return out;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        try (CpuBackend be = new CpuBackend(model, 16, BLOCK)) {
            int[] table = {3, 1, 4, 0, 2};
            be.step(List.of(new StepInput(1, new int[]{1, 2, 3, 4, 5, 6}, 0, table, true)));
            int before = manager.getManagedArrays().size();
            for (int p = 6; p < 16; p++) {
                be.step(List.of(new StepInput(1, new int[]{7}, p, table, true),
                        new StepInput(2, new int[]{8, 9}, p - 6, new int[]{5, 6, 7, 8}, true)));
            }
            assertEquals(before, manager.getManagedArrays().size(), "every temporary must die with its step");
        }
    }

    @Test
    void badStepInputsAreNamed() {
        try (CpuBackend be = new CpuBackend(model, 8, BLOCK)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> be.step(List.of(new StepInput(7, new int[]{1, 2, 3, 4, 5}, 0, new int[]{0}, true))));
            assertTrue(e.getMessage().contains("sequence 7") && e.getMessage().contains("block table"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> be.step(List.of(new StepInput(8, new int[]{1}, 0, new int[]{99}, true))));
            assertTrue(e.getMessage().contains("99"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> be.step(List.of(new StepInput(9, new int[]{1}, 64, new int[32], true))));
            assertTrue(e.getMessage().contains("context"), e.getMessage());
        }
    }
}
