package dev.aisle.engine.serving.scheduler;

import dev.aisle.engine.serving.kv.BlockTable;
import dev.aisle.engine.serving.sampling.Sampler;

import java.util.Arrays;

/** A request while the scheduler holds it: its tokens so far, KV progress and block table. */
final class Sequence {

    final long seqId;
    final GenerationRequest request;
    final RequestHandle handle;
    final TokenListener listener;
    final Sampler sampler;
    final BlockTable blocks = new BlockTable();
    final long submittedNanos;
    final long deadlineNanos;
    final int maxTokens;
    private int[] tokens;
    private int length;
    /** Tokens whose K/V is in the cache. */
    int computed;
    int cachedPromptTokens;
    int preemptions;
    int prefillChunks;
    long admittedNanos;
    long firstTokenNanos;
    boolean finished;

    Sequence(long seqId, GenerationRequest request, RequestHandle handle, TokenListener listener,
             long submittedNanos, int maxTokens) {
        this.seqId = seqId;
        this.request = request;
        this.handle = handle;
        this.listener = listener;
        this.sampler = new Sampler(request.sampling());
        this.submittedNanos = submittedNanos;
        this.deadlineNanos = request.timeout().map(t -> submittedNanos + t.toNanos()).orElse(Long.MAX_VALUE);
        this.maxTokens = maxTokens;
        this.tokens = Arrays.copyOf(request.prompt(), request.prompt().length + Math.min(maxTokens, 256));
        this.length = request.prompt().length;
    }

    int length() {
        return length;
    }

    int outputCount() {
        return length - request.prompt().length;
    }

    /** Tokens still to push through the model before logits can be sampled. */
    int uncomputed() {
        return length - computed;
    }

    boolean prefilling() {
        return uncomputed() > 1 || outputCount() == 0;
    }

    int[] tokens() {
        return Arrays.copyOf(tokens, length);
    }

    int[] slice(int from, int count) {
        return Arrays.copyOfRange(tokens, from, from + count);
    }

    void append(int token) {
        if (length == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[length++] = token;
    }

    int[] output() {
        return Arrays.copyOfRange(tokens, request.prompt().length, length);
    }
}
