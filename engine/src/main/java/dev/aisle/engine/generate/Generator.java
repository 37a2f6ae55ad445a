package dev.aisle.engine.generate;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Generates one answer at a time over a {@link Backend}, outside any scheduler: the prompt is prefilled in
 * chunks, then each step feeds only the newest token (the KV cache holds the prefix, nothing is recomputed).
 * The generator uses blocks {@code 0..n} of the backend's pool as its own, so it needs a backend of its own
 * (for the cpu backend: {@code CpuBackend.withOwnPool}). Not thread-safe; one generation at a time.
 */
public final class Generator {

    private final Backend backend;
    private final ShopTokenizer tokenizer;
    private final Set<Integer> eosIds;
    private final int prefillChunk;

    public Generator(Backend backend, ShopTokenizer tokenizer, Set<Integer> eosIds) {
        this(backend, tokenizer, eosIds, 512);
    }

    public Generator(Backend backend, ShopTokenizer tokenizer, Set<Integer> eosIds, int prefillChunk) {
        if (prefillChunk <= 0) {
            throw new IllegalArgumentException("prefillChunk must be > 0, got " + prefillChunk);
        }
        this.backend = backend;
        this.tokenizer = tokenizer;
        this.eosIds = Set.copyOf(eosIds);
        this.prefillChunk = prefillChunk;
    }

    public GenerationResult generate(GenerationRequest request) {
        return generate(request, TokenListener.NONE, CancellationToken.none());
    }

    public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel) {
        long t0 = System.nanoTime();
        BackendInfo info = backend.info();
        int[] prompt = request.promptIds();
        if (prompt.length >= info.maxContext()) {
            throw new PromptTooLongException(prompt.length, info.maxContext());
        }
        int lastPosition = Math.min(info.maxContext(), prompt.length + request.maxNewTokens());
        int blocks = (lastPosition + info.blockSize() - 1) / info.blockSize();
        if (blocks > info.numBlocks()) {
            throw new IllegalArgumentException("generation needs " + blocks + " KV blocks but the backend pool has "
                    + info.numBlocks());
        }
        int[] table = new int[blocks];
        Arrays.setAll(table, i -> i);
        DecodingSession session = new DecodingSession(tokenizer, request.sampling(), request.constraint(),
                new StopStrings(request.stopStrings()), eosIds, request.maxNewTokens());

        float[] logits = null;
        for (int start = 0; start < prompt.length; start += prefillChunk) {
            if (cancel.isCancelled()) {
                session.finish(FinishReason.CANCELLED);
                return result(session, prompt.length, t0, System.nanoTime(), System.nanoTime());
            }
            int end = Math.min(prompt.length, start + prefillChunk);
            StepOutput out = backend.step(List.of(new StepInput(0, Arrays.copyOfRange(prompt, start, end), start,
                    table, end == prompt.length)));
            logits = out.logits()[0];
        }
        long prefillDone = System.nanoTime();
        long firstToken = 0;
        int position = prompt.length;
        while (true) {
            DecodingSession.Step step = session.next(logits);
            if (firstToken == 0) {
                firstToken = System.nanoTime();
            }
            listener.onToken(step.tokenId(), step.textDelta());
            if (step.finished()) {
                break;
            }
            if (position + 1 >= info.maxContext()) {
                String tail = session.finish(FinishReason.LENGTH);
                if (!tail.isEmpty()) {
                    listener.onToken(-1, tail);
                }
                break;
            }
            if (cancel.isCancelled()) {
                session.finish(FinishReason.CANCELLED);
                break;
            }
            StepOutput out = backend.step(List.of(new StepInput(0, new int[]{step.tokenId()}, position, table, true)));
            logits = out.logits()[0];
            position++;
        }
        return result(session, prompt.length, t0, prefillDone, firstToken);
    }

    private static GenerationResult result(DecodingSession s, int promptTokens, long t0, long prefillDone, long first) {
        long now = System.nanoTime();
        return new GenerationResult(s.text(), s.tokenIds(), s.finishReason().orElse(FinishReason.ERROR), promptTokens,
                s.generated(), new GenerationResult.Timings((prefillDone - t0) / 1e6, (first - t0) / 1e6,
                (now - t0) / 1e6, s.constraintNanos() / 1e6));
    }
}
