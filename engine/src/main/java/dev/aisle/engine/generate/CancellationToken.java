package dev.aisle.engine.generate;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread (a closed connection, the Stop button) end a generation between tokens. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
