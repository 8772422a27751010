package dev.syncdoctor.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, for a terminal only: the
 * command creates it when {@code System.console() != null}, and uses {@link #NONE} otherwise (CI, pipes,
 * redirected stderr). The total, when known, comes from a background count of the inputs.
 */
public class Progress {
    public static final Progress NONE = new Progress(null);
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final AtomicLong total = new AtomicLong(-1);
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** The number of inputs, once counted. */
    public void total(long inputs) {
        total.set(inputs);
    }

    /** Called by the writer after each input. */
    public void update(long inputsDone, long records) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        long t = total.get();
        StringBuilder b = new StringBuilder("\r");
        if (t > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * inputsDone / t);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            b.append(inputsDone).append('/').append(t).append(" inputs");
        } else {
            b.append(inputsDone).append(" inputs");
        }
        b.append(String.format(Locale.ROOT, ", %d records, %.0f/s ", records, records / seconds));
        err.print(b);
        err.flush();
        drawn = true;
    }

    /** Clears the line before the summary is printed. */
    public void finish() {
        if (err != null && drawn) {
            err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
            err.flush();
        }
    }
}
