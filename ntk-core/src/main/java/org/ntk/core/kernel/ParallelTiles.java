package org.ntk.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs a fixed list of independent tasks (row-tiles) on a given number of plain threads.
 *
 * <p>The partition into tasks is fixed by the caller and never depends on the thread count; each
 * task writes only its own part of the result with arithmetic that does not depend on which thread
 * runs it, so results are bitwise identical for every thread count. Threads take the next task
 * index from a shared counter (tasks are listed largest first by the callers, which balances the
 * load). No shared pool is used: the calling thread works too and {@code threads − 1} short-lived
 * daemon threads are started per call.
 */
final class ParallelTiles {

    private ParallelTiles() {
    }

    /**
     * Runs tasks 0..tasks−1. Each worker thread gets its own consumer from {@code worker} (for
     * per-thread buffers) and calls it with task indices.
     *
     * @param tasks the number of tasks, ≥ 0
     * @param threads the number of threads, ≥ 1
     * @param worker creates one task runner per thread
     * @throws RuntimeException or Error: the first failure of any task, rethrown in the caller
     */
    static void run(int tasks, int threads, Supplier<IntConsumer> worker) {
        int used = Math.min(threads, tasks);
        if (used <= 1) {
            IntConsumer w = worker.get();
            for (int t = 0; t < tasks; t++) {
                w.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            try {
                IntConsumer w = worker.get();
                int t;
                while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
                    w.accept(t);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread[] pool = new Thread[used - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Thread(loop, "ntk-tiles-" + (i + 1));
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
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        if (e != null) {
            throw new IllegalStateException("worker failed", e);
        }
    }
}
