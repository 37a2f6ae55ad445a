package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.ShapeBucketingBackend;
import dev.aisle.engine.serving.backend.ShapeProfile;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeBucketingTest {

    @Test
    void stepsArePaddedToBucketsWithoutChangingTokensAndPaddingIsReported() {
        PrefixHashBackend inner = new PrefixHashBackend(64, 256, 8, 128, 1_000_003);
        inner.recordSteps = true;
        ShapeProfile profile = ShapeProfile.parse("1,2,4,8/16,32");
        ShapeBucketingBackend padded = new ShapeBucketingBackend(inner, profile);
        assertEquals(128 - 4, padded.info().numBlocks(), "32-token scratch = 4 blocks reserved");
        ContinuousScheduler s = new ContinuousScheduler(padded, new SchedulerConfig(profile.maxBatch(),
                profile.maxContextChunk(), 100, PrefixHashBackend.END));
        MetricsCollector metrics = new MetricsCollector();
        s.addListener(metrics);
        Random rnd = new Random(9);
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(GenerationRequest.greedy("n" + i, BlockAccountingTest.randomTokens(rnd, 5 + rnd.nextInt(40)),
                    3 + rnd.nextInt(6)));
        }
        List<RequestHandle> handles = requests.stream().map(s::submit).toList();
        s.runUntilIdle();
        for (int i = 0; i < requests.size(); i++) {
            assertArrayEquals(inner.reference(requests.get(i).prompt(), requests.get(i).maxTokens()),
                    handles.get(i).result().join().outputTokens());
        }
        for (List<StepInput> step : inner.steps) {
            int decodeRows = (int) step.stream().filter(in -> in.tokens().length == 1).count();
            assertTrue(decodeRows == 0 || profile.batchBuckets().contains(decodeRows),
                    "decode rows padded to a batch bucket, got " + decodeRows);
            for (StepInput in : step) {
                if (in.sequenceId() == -1) {
                    assertTrue(in.blockTable()[0] >= 124, "padding writes only scratch blocks");
                }
            }
        }
        assertTrue(metrics.snapshot().paddingWaste() > 0);
        assertTrue(s.pool().allFree());
    }
}
