package org.ntk.core.kernel;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.ntk.core.parallel.ParallelTasks;

/**
 * Runs a fixed list of independent tasks (row-tiles) on a given number of plain threads; delegates
 * to {@link ParallelTasks}.
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
        ParallelTasks.run(tasks, threads, worker);
    }
}
