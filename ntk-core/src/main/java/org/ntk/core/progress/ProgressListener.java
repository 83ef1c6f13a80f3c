package org.ntk.core.progress;

/**
 * Receives progress reports from long computations (large Gram matrices, Lanczos, Monte Carlo).
 *
 * <p>Calls may come from worker threads; implementations must be thread-safe and cheap. A listener
 * must not throw; a computation may ignore a listener that does.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units of {@code task} are finished.
     *
     * @param task a short human-readable name of the work, e.g. "gram" or "lanczos"
     * @param done units finished so far, 0 ≤ done ≤ total
     * @param total total units, ≥ 1 (for open-ended iterations: the cap)
     */
    void progress(String task, long done, long total);
}
