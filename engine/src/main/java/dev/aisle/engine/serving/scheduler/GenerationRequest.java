package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.generate.DecodingConstraint;
import dev.aisle.engine.serving.sampling.SamplingParams;

import java.time.Duration;
import java.util.Optional;

/**
 * One generation: the prompt's token ids and when to stop.
 *
 * @param id          caller's id, shown in events and traces
 * @param prompt      token ids of the rendered prompt
 * @param maxTokens   output tokens at most
 * @param sampling    how tokens are picked
 * @param stopTokens  token ids that end the answer besides the engine's end token
 * @param timeout     time from submission after which the request ends with {@code deadline}
 * @param constraint  restricts each sampled token (e.g. well-formed markup with known ids); stateful,
 *                    so one instance per request
 */
public record GenerationRequest(String id, int[] prompt, int maxTokens, SamplingParams sampling,
                                int[] stopTokens, Optional<Duration> timeout, DecodingConstraint constraint) {

    public GenerationRequest(String id, int[] prompt, int maxTokens, SamplingParams sampling, int[] stopTokens,
                             Optional<Duration> timeout) {
        this(id, prompt, maxTokens, sampling, stopTokens, timeout, DecodingConstraint.NONE);
    }

    public GenerationRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("request id must not be blank");
        }
        if (prompt == null || prompt.length == 0) {
            throw new IllegalArgumentException("request " + id + ": prompt must have at least one token");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("request " + id + ": maxTokens must be > 0, got " + maxTokens);
        }
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("request " + id + ": timeout must be positive, got " + timeout.get());
        }
        constraint = constraint == null ? DecodingConstraint.NONE : constraint;
        prompt = prompt.clone();
        stopTokens = stopTokens.clone();
    }

    public static GenerationRequest greedy(String id, int[] prompt, int maxTokens) {
        return new GenerationRequest(id, prompt, maxTokens, SamplingParams.GREEDY, new int[0], Optional.empty());
    }

    public GenerationRequest withTimeout(Duration t) {
        return new GenerationRequest(id, prompt, maxTokens, sampling, stopTokens, Optional.of(t), constraint);
    }

    public GenerationRequest withSampling(SamplingParams s) {
        return new GenerationRequest(id, prompt, maxTokens, s, stopTokens, timeout, constraint);
    }

    public GenerationRequest withConstraint(DecodingConstraint c) {
        return new GenerationRequest(id, prompt, maxTokens, sampling, stopTokens, timeout, c);
    }
}
