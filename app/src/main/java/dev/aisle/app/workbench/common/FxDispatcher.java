package dev.aisle.app.workbench.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Sends updates to the FX thread in batches: however many updates arrive between two pulses,
 * only one {@link Platform#runLater} is pending, and it runs them all in arrival order. Under 32
 * streaming answers this keeps the FX event queue short instead of one runnable per token.
 */
public final class FxDispatcher implements UiDispatcher {

    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    @Override
    public void dispatch(Runnable update) {
        pending.add(update);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        // Clear the flag first: an update arriving while we drain schedules the next batch.
        scheduled.set(false);
        List<Runnable> batch = new ArrayList<>();
        for (Runnable r; (r = pending.poll()) != null; ) {
            batch.add(r);
        }
        for (Runnable r : batch) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}
