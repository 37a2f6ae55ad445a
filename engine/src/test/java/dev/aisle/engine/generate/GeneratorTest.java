package dev.aisle.engine.generate;

import ai.djl.ndarray.types.Shape;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.serving.sampling.Sampler;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.serving.scheduler.FinishReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class GeneratorTest {

    static GenerationFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = new GenerationFixture(128);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    /** Counts the tokens the model is fed, to prove decode does not recompute the prefix. */
    static final class CountingBackend implements Backend {
        final Backend inner;
        int tokensFed;
        int steps;

        CountingBackend(Backend inner) {
            this.inner = inner;
        }

        @Override
        public BackendInfo info() {
            return inner.info();
        }

        @Override
        public StepOutput step(List<StepInput> batch) {
            steps++;
            batch.forEach(s -> tokensFed += s.tokens().length);
            return inner.step(batch);
        }

        @Override
        public void close() {
        }
    }

    int[] prompt() {
        return fx.tokenizer.encode("Which gloves for cold golf? Try");
    }

    Generator generator(Backend be) {
        return new Generator(be, fx.tokenizer, Set.of(fx.tokenizer.specialId(ChatTokens.END)), 4);
    }

    @Test
    void greedyMatchesFullForwardAndDecodeFeedsOneTokenPerStep() {
        int[] prompt = prompt();
        CountingBackend be = new CountingBackend(fx.backend);
        GenerationResult r = generator(be).generate(new GenerationRequest(prompt, SamplingParams.GREEDY, 12,
                List.of(), DecodingConstraint.NONE));
        int n = r.tokenIds().length;
        assertEquals(prompt.length + n - 1, be.tokensFed, "prefix must not be recomputed");
        // Reference: argmax of the full forward over prompt + generated so far, at every step.
        int[] seq = Arrays.copyOf(prompt, prompt.length + n);
        System.arraycopy(r.tokenIds(), 0, seq, prompt.length, n);
        int v = fx.model.config().vocabSize();
        float[] all = fx.model.forward(fx.manager.create(seq, new Shape(1, seq.length))).toFloatArray();
        for (int i = 0; i < n; i++) {
            int pos = prompt.length - 1 + i;
            assertEquals(Sampler.argMax(Arrays.copyOfRange(all, pos * v, (pos + 1) * v)), r.tokenIds()[i], "token " + i);
        }
        assertEquals(prompt.length, r.promptTokens());
        assertEquals(n, r.completionTokens());
        if (r.finishReason() == FinishReason.LENGTH) {
            assertEquals(12, n);
        }
    }

    @Test
    void streamedDeltasAddUpToTheText() {
        StringBuilder streamed = new StringBuilder();
        List<Integer> ids = new ArrayList<>();
        GenerationResult r = generator(fx.backend).generate(new GenerationRequest(prompt(),
                        new SamplingParams(1.0, 0, 1, 42), 30, List.of(), DecodingConstraint.NONE),
                (id, delta) -> {
                    streamed.append(delta);
                    if (id >= 0) {
                        ids.add(id);
                    }
                }, CancellationToken.none());
        assertEquals(r.text(), streamed.toString());
        assertEquals(r.tokenIds().length, ids.size());
    }

    @Test
    void seededSamplingIsReproducible() {
        GenerationRequest req = new GenerationRequest(prompt(), new SamplingParams(0.9, 40, 0.95, 7), 20, List.of(),
                DecodingConstraint.NONE);
        assertArrayEquals(generator(fx.backend).generate(req).tokenIds(), generator(fx.backend).generate(req).tokenIds());
    }

    @Test
    void stopStringEndsTheAnswerAndIsNotIncluded() {
        GenerationRequest free = new GenerationRequest(prompt(), new SamplingParams(1.0, 0, 1, 3), 40, List.of(),
                DecodingConstraint.NONE);
        GenerationResult first = generator(fx.backend).generate(free);
        String text = first.text();
        assertTrue(text.length() >= 6, "need some text, got " + text);
        String stop = text.substring(3, 6);
        StringBuilder streamed = new StringBuilder();
        GenerationResult stopped = generator(fx.backend).generate(new GenerationRequest(prompt(),
                        new SamplingParams(1.0, 0, 1, 3), 40, List.of(stop), DecodingConstraint.NONE),
                (id, d) -> streamed.append(d), CancellationToken.none());
        assertEquals(FinishReason.STOP, stopped.finishReason());
        assertEquals(text.substring(0, text.indexOf(stop)), stopped.text());
        assertEquals(stopped.text(), streamed.toString(), "the stop string never reaches the client");
    }

    @Test
    void maxNewTokensGivesLength() {
        GenerationResult r = generator(fx.backend).generate(new GenerationRequest(prompt(), new SamplingParams(1.0, 0, 1, 5),
                5, List.of(), new EndBan()));
        assertEquals(FinishReason.LENGTH, r.finishReason());
        assertEquals(5, r.completionTokens());
    }

    @Test
    void contextLimitGivesLength() {
        int[] longPrompt = new int[120];
        Arrays.fill(longPrompt, 30);
        GenerationResult r = generator(fx.backend).generate(new GenerationRequest(longPrompt, new SamplingParams(1.0, 0, 1, 5),
                50, List.of(), new EndBan()));
        assertEquals(FinishReason.LENGTH, r.finishReason());
        assertEquals(128 - 120, r.completionTokens());
    }

    @Test
    void cancellationStopsBetweenTokens() {
        CancellationToken cancel = new CancellationToken();
        int[] seen = {0};
        GenerationResult r = generator(fx.backend).generate(new GenerationRequest(prompt(), new SamplingParams(1.0, 0, 1, 5),
                50, List.of(), new EndBan()), (id, d) -> {
            if (++seen[0] == 3) {
                cancel.cancel();
            }
        }, cancel);
        assertEquals(FinishReason.CANCELLED, r.finishReason());
        assertEquals(3, r.completionTokens());
    }

    @Test
    void anotherSpecialTokenEndsTheAnswerWithoutItsText() {
        int user = fx.tokenizer.specialId(ChatTokens.USER);
        int[] step = {0};
        DecodingConstraint forceUserAtThird = new DecodingConstraint() {
            @Override
            public void mask(float[] logits) {
                if (++step[0] == 3) {
                    Arrays.fill(logits, Float.NEGATIVE_INFINITY);
                    logits[user] = 0f;
                } else {
                    logits[user] = Float.NEGATIVE_INFINITY;
                    logits[fx.tokenizer.specialId(ChatTokens.END)] = Float.NEGATIVE_INFINITY;
                }
            }

            @Override
            public void accept(int tokenId) {
            }
        };
        GenerationResult r = generator(fx.backend).generate(new GenerationRequest(prompt(), SamplingParams.GREEDY, 20,
                List.of(), forceUserAtThird));
        assertEquals(FinishReason.STOP, r.finishReason());
        assertEquals(3, r.completionTokens());
        assertFalse(r.text().contains(ChatTokens.USER), r.text());
    }

    @Test
    void promptLongerThanContextIsRefusedWithCounts() {
        PromptTooLongException e = assertThrows(PromptTooLongException.class,
                () -> generator(fx.backend).generate(GenerationRequest.greedy(new int[200], 5)));
        assertTrue(e.getMessage().contains("200 tokens") && e.getMessage().contains("128"), e.getMessage());
    }

    /** Forbids the end token so length and cancellation are reached deterministically. */
    static final class EndBan implements DecodingConstraint {
        @Override
        public void mask(float[] logits) {
            logits[fx.tokenizer.specialId(ChatTokens.END)] = Float.NEGATIVE_INFINITY;
        }

        @Override
        public void accept(int tokenId) {
        }
    }
}
