package org.ntk.core.parallel;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs a fixed list of independent tasks on a given number of plain threads: the one parallel loop
 * behind the library's hot loops (Gram assembly, empirical NTKs).
 *
 * <p>The partition into tasks is fixed by the caller and never depends on the thread count; each
 * task writes only its own part of the result with arithmetic that does not depend on which thread
 * runs it, so results are bitwise identical for every thread count. Threads take the next task
 * index from a shared counter (callers list large tasks first to balance the load). No shared pool
 * is used: the calling thread works too and {@code threads − 1} short-lived daemon threads are
 * started per call. The first failure of any task is rethrown in the caller after every thread has
 * stopped; an interrupt of the caller while joining is kept and re-asserted. A task runner that is
 * {@link AutoCloseable} (per-thread native buffers, say) is closed when its thread has no more
 * tasks, also after a failure; a failure to close counts as a task failure.
 */
public final class ParallelTasks {

    private ParallelTasks() {
    }

    /**
     * Runs tasks 0..tasks−1; each worker thread gets its own consumer from {@code worker} (for
     * per-thread buffers) and calls it with task indices.
     *
     * @param tasks the number of tasks, ≥ 0
     * @param threads the number of threads, ≥ 1 (at most {@code tasks} are used)
     * @param worker creates one task runner per thread
     * @throws IllegalArgumentException if tasks &lt; 0 or threads &lt; 1
     */
    public static void run(int tasks, int threads, Supplier<IntConsumer> worker) {
        Objects.requireNonNull(worker, "worker");
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must be >= 0, got " + tasks);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int used = Math.min(threads, tasks);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            IntConsumer w = null;
            try {
                w = worker.get();
                int t;
                while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
                    w.accept(t);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                if (w instanceof AutoCloseable) {
                    try {
                        ((AutoCloseable) w).close();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }
        };
        if (used <= 1) {
            loop.run();
            rethrow(failure.get());
            return;
        }
        Thread[] pool = new Thread[used - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Thread(loop, "ntk-worker-" + (i + 1));
            pool[i].setDaemon(true);
            pool[i].start();
        }
        loop.run();
        boolean interrupted = false;
        for (Thread t : pool) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure.get());
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        if (e != null) {
            throw new IllegalStateException("worker failed: " + e, e);
        }
    }

    /** Runs tasks 0..tasks−1 with one stateless body shared by all threads. */
    public static void run(int tasks, int threads, IntConsumer body) {
        Objects.requireNonNull(body, "body");
        run(tasks, threads, () -> body);
    }
}
