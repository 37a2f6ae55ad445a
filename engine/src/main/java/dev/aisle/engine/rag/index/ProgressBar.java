package dev.aisle.engine.rag.index;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal stream (stderr), redrawn at most four times a second. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;

    public ProgressBar(PrintStream out, String label, int total) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must be >= 0, got " + total);
        }
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** Safe to call from several threads; draws only when enough time has passed. */
    public synchronized void update(int done) {
        long now = System.nanoTime();
        if (out == null || (now - lastDraw < 250_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double secs = (now - start) / 1e9;
        out.print(String.format(Locale.ROOT, "\r%-10s [%s%s] %3d%% %d/%d %.1fs", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), total == 0 ? 100 : (int) (100L * done / total), done, total, secs));
        out.flush();
    }

    public synchronized void finish() {
        lastDraw = 0;
        update(total);
        if (out != null) {
            out.println();
        }
    }
}
