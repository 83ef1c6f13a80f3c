package org.ntk.bench.cli;

import java.io.PrintWriter;

import org.ntk.core.progress.ProgressListener;

/**
 * Renders progress reports as one line on stderr that redraws itself in place with a carriage
 * return, e.g. {@code ntk gram: gram 42% (3 523 215 / 8 390 656)}; with {@code enabled == false} it
 * prints nothing at all (stderr is not a terminal: DESIGN.md "The command-line contract").
 *
 * <p>Redraws at most when the whole percentage or the task changes, and at most every 100 ms, so the
 * cost per report is a lock and a comparison. Thread-safe (reports arrive from worker threads); never
 * throws. {@link #close()} erases the line so that the next message starts on a clean line.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String prefix;
    private final boolean enabled;
    private String lastTask;
    private int lastPercent = -1;
    private long lastNanos;
    private int shownLength;

    TerminalProgress(PrintWriter err, String command, boolean enabled) {
        this.err = err;
        this.prefix = command + ": ";
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (!enabled) {
            return;
        }
        int percent = total <= 0 ? 0 : (int) Math.max(0, Math.min(100, done * 100 / total));
        long now = System.nanoTime();
        boolean sameTask = task.equals(lastTask);
        if (sameTask && (percent == lastPercent || (percent < 100 && now - lastNanos < MIN_INTERVAL_NANOS))) {
            return;
        }
        lastTask = task;
        lastPercent = percent;
        lastNanos = now;
        show(prefix + task + " " + percent + "% (" + done + " / " + total + ")");
    }

    /** Shows a phase without a count, e.g. "reading X.npy". */
    synchronized void phase(String text) {
        if (!enabled) {
            return;
        }
        lastTask = null;
        lastPercent = -1;
        show(prefix + text);
    }

    private void show(String line) {
        int pad = Math.max(0, shownLength - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        shownLength = line.length();
    }

    /** Erases the progress line, if one was drawn. */
    @Override
    public synchronized void close() {
        if (enabled && shownLength > 0) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            shownLength = 0;
        }
    }
}
