package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.ServingListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerBehaviourTest {

    private static final int END = PrefixHashBackend.END;

    private static PrefixHashBackend backend() {
        // endEvery large: sequences run to max tokens, which makes the shapes below predictable.
        return new PrefixHashBackend(64, 512, 8, 256, 1_000_003);
    }

    @Test
    void fullQueueRejectsAtOnceWithAReasonAndLeavesAdmittedRequestsUndisturbed() {
        PrefixHashBackend backend = backend();
        ContinuousScheduler s = new ContinuousScheduler(backend, new SchedulerConfig(2, 64, 3, END));
        Random rnd = new Random(1);
        List<GenerationRequest> requests = new ArrayList<>();
        List<RequestHandle> handles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            GenerationRequest r = GenerationRequest.greedy("q" + i, BlockAccountingTest.randomTokens(rnd, 10), 6);
            requests.add(r);
            handles.add(s.submit(r));
        }
        for (int i = 3; i < 8; i++) {
            GenerationResult r = handles.get(i).result().getNow(null);
            assertTrue(r != null, "rejection must not wait for a step");
            assertEquals(FinishReason.REJECTED, r.finishReason());
            assertTrue(r.detail().contains("queue full"), r.detail());
            assertEquals(0, r.outputTokenCount());
        }
        s.runUntilIdle();
        for (int i = 0; i < 3; i++) {
            GenerationResult r = handles.get(i).result().join();
            assertEquals(FinishReason.LENGTH, r.finishReason());
            assertArrayEquals(backend.reference(requests.get(i).prompt(), 6), r.outputTokens());
        }
        // Once the queue drained, new requests are accepted again.
        assertEquals(FinishReason.LENGTH, runAlone(s, requests.get(5)).finishReason());
    }

    @Test
    void aConstraintThatThrowsEndsOnlyItsOwnRequestWithAnError() {
        PrefixHashBackend backend = backend();
        ContinuousScheduler s = new ContinuousScheduler(backend, SchedulerConfig.defaults(END));
        Random rnd = new Random(3);
        GenerationRequest a = GenerationRequest.greedy("a", BlockAccountingTest.randomTokens(rnd, 12), 8);
        GenerationRequest c = GenerationRequest.greedy("c", BlockAccountingTest.randomTokens(rnd, 12), 8);
        GenerationRequest badMask = withConstraint(GenerationRequest.greedy("mask", BlockAccountingTest.randomTokens(rnd, 12), 8),
                new ThrowingConstraint(3, true));
        GenerationRequest badAccept = withConstraint(GenerationRequest.greedy("accept", BlockAccountingTest.randomTokens(rnd, 12), 8),
                new ThrowingConstraint(2, false));
        RequestHandle ha = s.submit(a);
        RequestHandle hm = s.submit(badMask);
        RequestHandle hb = s.submit(badAccept);
        RequestHandle hc = s.submit(c);
        s.runUntilIdle();
        for (RequestHandle h : List.of(hm, hb)) {
            GenerationResult r = h.result().join();
            assertEquals(FinishReason.ERROR, r.finishReason(), r.requestId());
            assertTrue(r.detail().contains("decoding constraint failed") && r.detail().contains("bad state"), r.detail());
        }
        assertEquals(3, hm.result().join().outputTokenCount(), "tokens before the failure are kept");
        assertEquals(FinishReason.LENGTH, ha.result().join().finishReason());
        assertArrayEquals(backend.reference(a.prompt(), 8), ha.result().join().outputTokens());
        assertEquals(FinishReason.LENGTH, hc.result().join().finishReason());
        assertArrayEquals(backend.reference(c.prompt(), 8), hc.result().join().outputTokens());
        assertEquals(0, s.pool().usedBlocks(), "the failed requests gave their blocks back");
    }

    private static GenerationRequest withConstraint(GenerationRequest r, dev.aisle.engine.generate.DecodingConstraint c) {
        return new GenerationRequest(r.id(), r.prompt(), r.maxTokens(), r.sampling(), r.stopTokens(), r.timeout(), c);
    }

    /** Throws (like a grammar meeting a state it has no rule for) at its n-th mask or accept call. */
    private static final class ThrowingConstraint implements dev.aisle.engine.generate.DecodingConstraint {
        private final int failAt;
        private final boolean inMask;
        private int masks;
        private int accepts;

        ThrowingConstraint(int failAt, boolean inMask) {
            this.failAt = failAt;
            this.inMask = inMask;
        }

        @Override
        public void mask(float[] logits) {
            if (inMask && masks++ == failAt) {
                throw new IllegalStateException("bad state at mask " + failAt);
            }
        }

        @Override
        public void accept(int tokenId) {
            if (!inMask && accepts++ == failAt) {
                throw new IllegalStateException("bad state at accept " + failAt);
            }
        }
    }

    @Test
    void requestsThatCanNeverFitAreRejectedNamingTheLimit() {
        ContinuousScheduler s = new ContinuousScheduler(backend(), SchedulerConfig.defaults(END));
        GenerationResult tooLong = s.submit(GenerationRequest.greedy("long", new int[600], 4)).result().join();
        assertEquals(FinishReason.REJECTED, tooLong.finishReason());
        assertTrue(tooLong.detail().contains("600 tokens"), tooLong.detail());
        GenerationResult badToken = s.submit(GenerationRequest.greedy("bad", new int[]{7, 99}, 4)).result().join();
        assertTrue(badToken.detail().contains("token id 99"), badToken.detail());
    }

    @Test
    void deadlinesAndCancellationEndRequestsAndFreeTheirBlocksAtOnce() {
        PrefixHashBackend backend = backend();
        ContinuousScheduler s = new ContinuousScheduler(backend, SchedulerConfig.defaults(END));
        Random rnd = new Random(2);
        GenerationRequest keep = GenerationRequest.greedy("keep", BlockAccountingTest.randomTokens(rnd, 20), 12);
        RequestHandle kept = s.submit(keep);
        RequestHandle late = s.submit(GenerationRequest.greedy("late", BlockAccountingTest.randomTokens(rnd, 30), 50)
                .withTimeout(Duration.ofNanos(1)));
        RequestHandle cancelled = s.submit(GenerationRequest.greedy("cancel", BlockAccountingTest.randomTokens(rnd, 30), 50));
        s.step();
        s.step();
        int usedBefore = s.pool().usedBlocks();
        cancelled.cancel();
        s.step();
        assertEquals(FinishReason.DEADLINE, late.result().join().finishReason());
        GenerationResult c = cancelled.result().join();
        assertEquals(FinishReason.CANCELLED, c.finishReason());
        assertTrue(c.outputTokenCount() >= 1);
        assertTrue(s.pool().usedBlocks() < usedBefore, "cancelled request's blocks are freed in the next iteration");
        s.runUntilIdle();
        assertArrayEquals(backend.reference(keep.prompt(), 12), kept.result().join().outputTokens());
        assertTrue(s.pool().allFree());
    }

    @Test
    void chunkedPrefillLetsRunningDecodesProduceATokenEveryIteration() {
        PrefixHashBackend backend = backend();
        backend.recordSteps = true;
        ContinuousScheduler s = new ContinuousScheduler(backend, new SchedulerConfig(8, 16, 100, END));
        Random rnd = new Random(3);
        List<RequestHandle> decoders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decoders.add(s.submit(GenerationRequest.greedy("d" + i, BlockAccountingTest.randomTokens(rnd, 4), 40)));
        }
        for (int i = 0; i < 3; i++) {
            s.step();
        }
        List<IterationEvent> iterations = new ArrayList<>();
        List<RequestEvent> chunks = new ArrayList<>();
        s.addListener(new ServingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                iterations.add(e);
            }

            @Override
            public void onRequest(RequestEvent e) {
                if (e.requestId().equals("long") && e.kind() == RequestEvent.Kind.PREFILL_CHUNK) {
                    chunks.add(e);
                }
            }
        });
        int[] longPrompt = BlockAccountingTest.randomTokens(rnd, 200);
        RequestHandle longOne = s.submit(GenerationRequest.greedy("long", longPrompt, 5));
        int before = backend.steps.size();
        while (chunks.isEmpty() || chunks.stream().mapToInt(RequestEvent::tokens).sum() < 200) {
            s.step();
        }
        for (IterationEvent e : iterations) {
            assertEquals(3, e.decodeTokens(), "every running decode gets its token while the long prompt prefills");
            assertTrue(e.prefillTokens() <= 13, "prefill chunk respects the 16-token budget minus decodes");
        }
        assertTrue(chunks.size() >= 16, "200 tokens in chunks of at most 13 need at least 16 steps, got " + chunks.size());
        // Every step but the one with the last chunk uses the whole budget.
        for (List<StepInput> step : backend.steps.subList(before, backend.steps.size() - 1)) {
            assertEquals(16, step.stream().mapToInt(in -> in.tokens().length).sum());
        }
        s.runUntilIdle();
        assertArrayEquals(backend.reference(longPrompt, 5), longOne.result().join().outputTokens());
        assertEquals(chunks.size(), longOne.result().join().prefillChunks());
        for (RequestHandle d : decoders) {
            assertEquals(40, d.result().join().outputTokenCount());
        }
    }

    @Test
    void staticAndSequentialBaselinesGiveTheSameTokensAndCountPadding() {
        Random rnd = new Random(4);
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(GenerationRequest.greedy("s" + i, BlockAccountingTest.randomTokens(rnd, 3 + rnd.nextInt(30)),
                    1 + rnd.nextInt(20)));
        }
        for (String kind : List.of("continuous", "static", "sequential")) {
            PrefixHashBackend backend = backend();
            backend.recordSteps = true;
            SchedulerConfig config = new SchedulerConfig(4, 64, 100, END);
            IterationScheduler s = switch (kind) {
                case "continuous" -> new ContinuousScheduler(backend, config);
                case "static" -> new StaticBatchScheduler(backend, config);
                default -> StaticBatchScheduler.sequential(backend, config);
            };
            int[] maxBatch = {0};
            long[] padding = {0};
            s.addListener(new ServingListener() {
                @Override
                public void onIteration(IterationEvent e) {
                    maxBatch[0] = Math.max(maxBatch[0], e.batchSize());
                    padding[0] += e.paddingTokens();
                }
            });
            List<RequestHandle> handles = requests.stream().map(s::submit).toList();
            s.runUntilIdle();
            for (int i = 0; i < requests.size(); i++) {
                assertArrayEquals(backend.reference(requests.get(i).prompt(), requests.get(i).maxTokens()),
                        handles.get(i).result().join().outputTokens(), kind + " request " + i);
            }
            assertTrue(s.pool().allFree());
            assertEquals(kind.equals("sequential") ? 1 : 4, maxBatch[0], kind);
            long computedPadding = backend.steps.stream().flatMap(List::stream).filter(in -> in.sequenceId() < 0)
                    .mapToLong(in -> in.tokens().length).sum();
            assertEquals(padding[0], computedPadding, kind + ": the padding counted is the padding the backend computed");
            if (kind.equals("static")) {
                assertTrue(padding[0] > 0, "mixed lengths in a static batch must be padded");
            } else {
                assertEquals(0, padding[0], kind);
            }
        }
    }

    @Test
    void staticBatchWaitsForItsLastSequenceBeforeAdmittingMore() {
        PrefixHashBackend backend = backend();
        StaticBatchScheduler s = new StaticBatchScheduler(backend, new SchedulerConfig(2, 64, 100, END));
        RequestHandle shortOne = s.submit(GenerationRequest.greedy("short", new int[]{7, 8}, 1));
        s.submit(GenerationRequest.greedy("longer", new int[]{9, 10}, 10));
        RequestHandle third = s.submit(GenerationRequest.greedy("third", new int[]{11}, 1));
        s.step();
        assertTrue(shortOne.result().isDone());
        for (int i = 0; i < 8; i++) {
            s.step();
            assertFalse(third.result().isDone(), "third may not join before the batch ends");
            assertEquals(0, third.result().getNow(null) == null ? 0 : 1);
        }
        s.runUntilIdle();
        assertEquals(FinishReason.LENGTH, third.result().join().finishReason());
    }

    @Test
    void sharedPromptPrefixIsServedFromTheCacheWithoutChangingTheAnswer() {
        PrefixHashBackend backend = backend();
        ContinuousScheduler s = new ContinuousScheduler(backend, SchedulerConfig.defaults(END));
        int[] system = BlockAccountingTest.randomTokens(new Random(5), 40);
        int[] a = concat(system, new int[]{11, 12, 13});
        int[] b = concat(system, new int[]{21, 22});
        GenerationResult first = runAlone(s, GenerationRequest.greedy("a", a, 8));
        GenerationResult second = runAlone(s, GenerationRequest.greedy("b", b, 8));
        assertEquals(0, first.cachedPromptTokens());
        assertEquals(40, second.cachedPromptTokens(), "the 5 full blocks of the shared prefix are reused");
        assertArrayEquals(backend.reference(b, 8), second.outputTokens());
        assertTrue(s.pool().allFree());
    }

    @Test
    void endTokenAndExtraStopTokensEndWithStopAndAreNotPartOfTheOutput() {
        PrefixHashBackend backend = backend();
        ContinuousScheduler s = new ContinuousScheduler(backend, SchedulerConfig.defaults(END));
        int[] prompt = {7, 8, 9};
        int[] alone = backend.reference(prompt, 10);
        GenerationRequest r = GenerationRequest.greedy("stop", prompt, 10);
        r = new GenerationRequest("stop", prompt, 10, r.sampling(), new int[]{alone[3]}, r.timeout());
        List<Integer> streamed = new ArrayList<>();
        RequestHandle h = s.submit(r, (token, index, nanos) -> streamed.add(token));
        s.runUntilIdle();
        GenerationResult res = h.result().join();
        assertEquals(FinishReason.STOP, res.finishReason());
        assertArrayEquals(java.util.Arrays.copyOf(alone, 3), res.outputTokens());
        assertEquals(List.of(alone[0], alone[1], alone[2]), streamed);
    }

    static GenerationResult runAlone(IterationScheduler s, GenerationRequest r) {
        RequestHandle h = s.submit(r);
        s.runUntilIdle();
        return h.result().join();
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
