package dev.aisle.app.workbench.service.engine;

import dev.aisle.engine.serving.bench.BenchPrompt;
import dev.aisle.engine.serving.bench.PromptSource;
import java.util.Random;

/**
 * Prompts of realistic lengths (48–192 tokens in, 24–96 out) made of seeded random token ids: load
 * for the scheduler when no tokenizer-backed prompt source is at hand. Index i always gives the same prompt.
 */
public final class SyntheticPrompts implements PromptSource {

    private final int vocab;
    private final long seed;

    public SyntheticPrompts(int vocab, long seed) {
        if (vocab < 16) {
            throw new IllegalArgumentException("vocab must be >= 16, got " + vocab);
        }
        this.vocab = vocab;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public BenchPrompt prompt(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        int[] tokens = new int[48 + r.nextInt(145)];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 8 + r.nextInt(vocab - 8);
        }
        return new BenchPrompt("load-" + index, tokens, 24 + r.nextInt(73));
    }
}
