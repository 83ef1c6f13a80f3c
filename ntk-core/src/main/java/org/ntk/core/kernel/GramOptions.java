package org.ntk.core.kernel;

import java.util.Objects;

import org.ntk.core.progress.ProgressListener;
import org.ntk.core.validation.Validate;

/**
 * How a Gram or cross-kernel matrix is assembled: the number of worker threads, where progress is
 * reported, and which inner-product backend computes X·Xᵀ.
 *
 * <p>The options never change the mathematics. With the pure-Java backend the result is bitwise
 * identical for every thread count; {@link InnerProductBackends#automatic()} chooses a backend by
 * problem size (see there), so with a faster backend on the class path the last bits of the result
 * may differ from the pure-Java ones. Immutable and thread-safe.
 *
 * @param threads number of worker threads, ≥ 1
 * @param listener receives ("gram" or "cross", entries done, entries total) after each row-tile;
 *     called from worker threads
 * @param backend the inner-product backend
 */
public record GramOptions(int threads, ProgressListener listener, InnerProductBackend backend) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if threads &lt; 1
     * @throws NullPointerException if listener or backend is null
     */
    public GramOptions {
        Validate.positive(threads, "threads");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(backend, "backend");
    }

    /**
     * All available processors ({@link Runtime#availableProcessors()}), no progress reports, and the
     * automatic backend choice.
     */
    public static GramOptions defaults() {
        return new GramOptions(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE,
                InnerProductBackends.automatic());
    }

    /**
     * These options with another thread count.
     *
     * @param threads number of worker threads, ≥ 1
     * @return new options
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public GramOptions withThreads(int threads) {
        return new GramOptions(threads, listener, backend);
    }

    /**
     * These options with another progress listener.
     *
     * @param listener the listener (use {@link ProgressListener#NONE} for none)
     * @return new options
     */
    public GramOptions withListener(ProgressListener listener) {
        return new GramOptions(threads, listener, backend);
    }

    /**
     * These options with another inner-product backend.
     *
     * @param backend the backend, e.g. {@link InnerProductBackends#pureJava()}
     * @return new options
     */
    public GramOptions withBackend(InnerProductBackend backend) {
        return new GramOptions(threads, listener, backend);
    }
}
