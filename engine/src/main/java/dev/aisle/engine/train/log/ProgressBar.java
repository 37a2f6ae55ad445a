package dev.aisle.engine.train.log;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on stderr, redrawn in place: bar, step, loss, learning rate, tokens/s and ETA.
 * Redraws at most a few times a second so that a fast loop does not spend its time printing; when
 * stderr is not a terminal (a log file) it prints a full line every {@code lineEvery} steps.
 */
public final class ProgressBar {

    private final PrintStream out;
    private final String task;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final long firstStep;
    private long tokens;
    private long lastDraw;
    private final int lineEvery;
    private final String unit;

    /** A bar counting tokens per second. */
    public ProgressBar(PrintStream out, String task, long firstStep, long total, int lineEvery) {
        this(out, task, firstStep, total, lineEvery, "tok");
    }

    /** @param unit what {@link #update}'s count measures: "tok", "pairs", "answers" */
    public ProgressBar(PrintStream out, String task, long firstStep, long total, int lineEvery, String unit) {
        this.unit = unit;
        this.out = out;
        this.task = task;
        this.firstStep = firstStep;
        this.total = total;
        this.terminal = System.console() != null;
        this.lineEvery = Math.max(1, lineEvery);
    }

    public void update(long step, long stepTokens, String figures) {
        tokens += stepTokens;
        long now = System.nanoTime();
        boolean last = step >= total;
        if (terminal) {
            if (!last && now - lastDraw < 250_000_000L) {
                return;
            }
        } else if (!last && step % lineEvery != 0) {
            return;
        }
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        long done = step - firstStep;
        double tokPerS = seconds > 0 ? tokens / seconds : 0;
        double eta = done > 0 ? seconds / done * (total - step) : 0;
        int width = 24;
        int filled = (int) Math.round(width * (double) step / total);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d %s %,.1f %s/s ETA %s",
                task, bar, step, total, figures, tokPerS, unit, duration(eta));
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
