package org.ntk.spectral.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads that runs a fixed grid of block tasks, kept alive for the length of
 * one descent run so that the thousands of per-step products do not each start threads.
 *
 * <p>Determinism: the caller decides the blocks from the problem shape only, and each block writes a
 * disjoint part of the output with a fixed arithmetic order; threads only decide who runs which
 * block. Results are therefore bitwise identical for every thread count. With one thread every block
 * runs on the calling thread and no executor is created.
 *
 * <p>Package-private; not thread-safe itself (one run owns it).
 */
final class BlockWorkers implements AutoCloseable {

    private final int threads;
    private final ExecutorService executor;

    BlockWorkers(int threads) {
        this.threads = threads;
        if (threads > 1) {
            this.executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "ntk-dynamics-worker");
                t.setDaemon(true);
                return t;
            });
        } else {
            this.executor = null;
        }
    }

    /**
     * Runs {@code body.accept(b)} for every block b in [0, blocks), spread over the threads; returns
     * when all are done. Small jobs (below {@code work} ≈ 2^16 multiply-adds) run on the calling thread.
     */
    void run(int blocks, long work, IntConsumer body) {
        if (executor == null || blocks == 1 || work < (1L << 16)) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        int lanes = Math.min(threads, blocks);
        List<Callable<Void>> tasks = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            tasks.add(() -> {
                for (int b = first; b < blocks; b += lanes) {
                    body.accept(b);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : executor.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gradient descent interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The number of blocks of {@code size} needed to cover {@code total}. */
    static int blocks(int total, int size) {
        return (total + size - 1) / size;
    }
}
