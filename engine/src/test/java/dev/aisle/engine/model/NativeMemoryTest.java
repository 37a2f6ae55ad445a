package dev.aisle.engine.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.aisle.engine.memory.ProcessMemory;
import dev.aisle.engine.serving.backend.StepInput;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Native memory of model steps has one owner: nothing a step creates lives on as Java-collected direct memory,
 * and nothing autograd keeps for the backward pass depends on the garbage collector (see {@link NativeArrays}).
 */
class NativeMemoryTest {

    /** Runs the collector until direct buffers that nothing references are freed, then reuses freed memory. */
    static void collectAndReuseFreedMemory() {
        // Wait until the collector has processed an unreachable direct buffer of our own: the ones
        // the model left behind became unreachable before it and are freed by the same collections.
        java.lang.ref.ReferenceQueue<ByteBuffer> collected = new java.lang.ref.ReferenceQueue<>();
        java.lang.ref.PhantomReference<ByteBuffer> sentinel =
                new java.lang.ref.PhantomReference<>(ByteBuffer.allocateDirect(64), collected);
        try {
            for (int i = 0; i < 50 && collected.poll() == null; i++) {
                System.gc();
                collected.remove(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        java.lang.ref.Reference.reachabilityFence(sentinel);
        // Small allocations of freed sizes land on freed chunks: a stale pointer now reads NaN.
        List<ByteBuffer> scribble = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 16) * 4);
            while (b.remaining() >= 4) {
                b.putFloat(Float.NaN);
            }
            scribble.add(b);
        }
        assertFalse(scribble.isEmpty());
    }

    /** Every parameter's gradient after one forward + backward of a fresh model. */
    static Map<String, float[]> gradients(LlamaConfig c, Map<String, Tensor> weights, int[] ids, boolean collectBeforeBackward) {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.fromTensors(c, weights, m)) {
            model.attachGradients();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(NativeArrays.of(m, ids, new Shape(2, ids.length / 2)));
                NDArray loss = logits.logSoftmax(-1).get(":, :, 3").mean().neg();
                if (collectBeforeBackward) {
                    collectAndReuseFreedMemory();
                }
                gc.backward(loss);
            }
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            model.parameters().forEach((name, p) -> out.put(name, p.getGradient().toFloatArray()));
            return out;
        }
    }

    @Test
    void gradientsDoNotDependOnWhenTheCollectorRuns() {
        LlamaConfig c = TinyModels.gqaUntied();
        Map<String, Tensor> w = TinyModels.randomWeights(c, 11);
        int[] ids = new Random(5).ints(2 * 24, 0, c.vocabSize()).toArray();
        Map<String, float[]> quiet = gradients(c, w, ids, false);
        Map<String, float[]> collected = gradients(c, w, ids, true);
        quiet.forEach((name, g) -> assertArrayEquals(g, collected.get(name),
                "gradient of " + name + " changed when the collector ran between forward and backward"));
    }

    @Test
    void servingStepsLeaveNoDirectMemoryBehind() {
        LlamaConfig c = TinyModels.gqaUntied();
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             LlamaModel model = LlamaModel.fromTensors(c, TinyModels.randomWeights(c, 3), m);
             CpuBackend backend = new CpuBackend(model, 32, 4)) {
            Random r = new Random(2);
            int[] table = {5, 9, 1, 30, 2, 7, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
            List<StepInput> prefill = List.of(new StepInput(1, r.ints(40, 0, c.vocabSize()).toArray(), 0, table, true),
                    new StepInput(2, new int[]{4}, 3, new int[]{3, 4}, true));
            backend.step(prefill);
            ProcessMemory before = ProcessMemory.now();
            for (int i = 0; i < 20; i++) {
                backend.step(prefill);
            }
            ProcessMemory after = ProcessMemory.now();
            // 20 steps of a 40-token prefill created ~1.2 MB of masks and RoPE tables; none may stay behind.
            assertTrue(after.directBytes() - before.directBytes() < 4096,
                    "direct memory grew by " + (after.directBytes() - before.directBytes()) + " bytes over 20 steps");
        }
    }
}
