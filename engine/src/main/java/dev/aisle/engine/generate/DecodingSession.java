package dev.aisle.engine.generate;

import dev.aisle.engine.serving.sampling.Sampler;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.serving.scheduler.FinishReason;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.StreamDecoder;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The decoding state of one sequence: constraint mask, sampling, streaming text, stop strings, end tokens
 * (the eos ids and every other special token) and the token budget. Whoever runs the model (the single-request {@link Generator} or the serving
 * scheduler) hands it each logits row and learns which token to feed next and whether the answer is done.
 */
public final class DecodingSession {

    /** Outcome of one token: its id, the text it releases to the client, and the finish reason if it ended. */
    public record Step(int tokenId, String textDelta, Optional<FinishReason> finish) {

        public boolean finished() {
            return finish.isPresent();
        }
    }

    private final Sampler sampler;
    private final DecodingConstraint constraint;
    private final StopStrings stops;
    private final Set<Integer> eosIds;
    private final Set<Integer> specialIds;
    private final int maxNewTokens;
    private final StreamDecoder decoder;
    private final StringBuilder text = new StringBuilder();
    private int[] ids = new int[64];
    private int count;
    private int emitted;
    private long constraintNanos;
    private Optional<FinishReason> finish = Optional.empty();

    public DecodingSession(ShopTokenizer tokenizer, SamplingParams sampling, DecodingConstraint constraint,
                           StopStrings stops, Set<Integer> eosIds, int maxNewTokens) {
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        this.sampler = new Sampler(sampling);
        this.constraint = constraint;
        this.stops = stops;
        this.eosIds = Set.copyOf(eosIds);
        this.specialIds = Set.copyOf(tokenizer.specialTokens().values());
        this.maxNewTokens = maxNewTokens;
        this.decoder = tokenizer.streamDecoder();
    }

    /** Chooses the next token from {@code logits} (modified in place by the constraint). */
    public Step next(float[] logits) {
        if (finish.isPresent()) {
            throw new IllegalStateException("the sequence already finished: " + finish.get());
        }
        long c0 = System.nanoTime();
        constraint.mask(logits);
        constraintNanos += System.nanoTime() - c0;
        int token = sampler.next(logits);
        c0 = System.nanoTime();
        constraint.accept(token);
        constraintNanos += System.nanoTime() - c0;
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = token;
        // Any other special token (a new <|user|> turn, PAD) also means the answer is over; its spelling
        // never becomes answer text.
        if (eosIds.contains(token) || specialIds.contains(token)) {
            return end(token, FinishReason.STOP, decoder.flush());
        }
        int before = text.length();
        text.append(decoder.accept(token));
        int stop = stops.find(text, before);
        if (stop >= 0) {
            text.setLength(stop);
            String delta = stop > emitted ? text.substring(emitted, stop) : "";
            emitted = text.length();
            finish = Optional.of(FinishReason.STOP);
            return new Step(token, delta, finish);
        }
        if (count >= maxNewTokens) {
            return end(token, FinishReason.LENGTH, decoder.flush());
        }
        int safe = stops.safeLength(text);
        String delta = safe > emitted ? text.substring(emitted, safe) : "";
        emitted = Math.max(emitted, safe);
        return new Step(token, delta, Optional.empty());
    }

    /** Ends the sequence from outside (context full, cancelled, deadline); returns text still held back. */
    public String finish(FinishReason reason) {
        if (finish.isPresent()) {
            return "";
        }
        return end(-1, reason, decoder.flush()).textDelta();
    }

    private Step end(int token, FinishReason reason, String tail) {
        text.append(tail);
        String delta = text.substring(Math.min(emitted, text.length()));
        emitted = text.length();
        finish = Optional.of(reason);
        return new Step(token, delta, finish);
    }

    public Optional<FinishReason> finishReason() {
        return finish;
    }

    public String text() {
        return text.toString();
    }

    public int[] tokenIds() {
        return Arrays.copyOf(ids, count);
    }

    public int generated() {
        return count;
    }

    /** Time spent in the constraint (mask + accept). */
    public long constraintNanos() {
        return constraintNanos;
    }
}
