package dev.aisle.evaluations.run;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress with ETA on the console (stderr): "eval retrieval [bm25] 12/40 30% 0:05 elapsed, ETA 0:12".
 * Redraws at most four times a second so that fast suites do not flood the terminal.
 */
public final class Progress {

    public interface Listener {
        void update(String label, int done, int total);

        Listener SILENT = (label, done, total) -> { };
    }

    private Progress() {
    }

    public static Listener console(PrintStream err) {
        return new Listener() {
            private long started;
            private long lastDraw;
            private String lastLabel = "";

            @Override
            public void update(String label, int done, int total) {
                long now = System.nanoTime();
                if (!label.equals(lastLabel)) {
                    lastLabel = label;
                    started = now;
                    lastDraw = 0;
                }
                if (done < total && done > 0 && now - lastDraw < 250_000_000L) {
                    return;
                }
                lastDraw = now;
                err.print("\r" + line(label, done, total, now - started));
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }

    static String line(String label, int done, int total, long elapsedNanos) {
        int pct = total == 0 ? 100 : (int) (100L * done / total);
        String eta = done == 0 ? "?" : clock(elapsedNanos / done * (total - done));
        return String.format("%s %d/%d %d%% %s elapsed, ETA %s   ", label, done, total, pct, clock(elapsedNanos), eta);
    }

    static String clock(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
