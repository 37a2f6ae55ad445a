package dev.aisle.engine.train.stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C / SIGTERM into "stop after this step and save": a shutdown hook raises the flag and
 * then waits (up to two minutes) until the loop has written its checkpoint and model directory.
 */
final class StopSignal {

    private volatile boolean requested;
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal() {
        hook = new Thread(() -> {
            requested = true;
            try {
                saved.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aisle-train-stop");
    }

    static StopSignal install() {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    boolean requested() {
        return requested;
    }

    /** The run has saved (or failed): let a pending shutdown go on, and stop listening. */
    void release() {
        saved.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
