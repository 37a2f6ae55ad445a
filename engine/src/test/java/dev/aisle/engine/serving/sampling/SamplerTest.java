package dev.aisle.engine.serving.sampling;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {

    private final float[] logits = {0.1f, 2.0f, 1.9f, -1f, 1.8f};

    @Test
    void greedyTakesTheArgMaxAndTopKOneEqualsGreedy() {
        assertEquals(1, new Sampler(SamplingParams.GREEDY).next(logits));
        assertEquals(1, new Sampler(new SamplingParams(1.5, 1, 1, 9)).next(logits));
    }

    @Test
    void sameSeedSameTokensAndTopPCutsTheTail() {
        SamplingParams p = new SamplingParams(1.0, 0, 1, 42);
        Sampler a = new Sampler(p);
        Sampler b = new Sampler(p);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int t = a.next(logits);
            assertEquals(t, b.next(logits));
            seen.add(t);
        }
        assertTrue(seen.size() >= 3, "temperature 1 must explore, saw " + seen);
        Sampler nucleus = new Sampler(new SamplingParams(1.0, 0, 0.5, 7));
        for (int i = 0; i < 200; i++) {
            int t = nucleus.next(logits);
            assertTrue(t == 1 || t == 2, "top-p 0.5 keeps only the two most likely, got " + t);
        }
    }

    @Test
    void badParametersNameTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SamplingParams(-1, 0, 1, 0))
                .getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SamplingParams(1, 0, 0, 0))
                .getMessage().contains("topP"));
    }
}
