package dev.aisle.engine.rag.pack;

import java.util.function.ToIntFunction;

/** Token counters for budgets, until a caller passes the model tokenizer's own count. */
public final class TokenCounters {

    private TokenCounters() {
    }

    /** About four characters a token, the usual figure for English BPE vocabularies; never 0 for non-empty text. */
    public static ToIntFunction<String> approximate() {
        return s -> s.isEmpty() ? 0 : (s.length() + 3) / 4;
    }
}
