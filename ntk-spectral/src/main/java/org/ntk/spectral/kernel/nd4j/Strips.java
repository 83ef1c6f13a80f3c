package org.ntk.spectral.kernel.nd4j;

import java.nio.DoubleBuffer;
import java.util.function.IntConsumer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.ntk.core.parallel.ParallelTasks;

/**
 * Runs the strips of a blocked inner-product pass on {@link ParallelTasks}' threads, each with its
 * own native strip buffer (freed when the thread is done). The partition into strips is fixed by the
 * caller; each strip is computed by one thread with single-threaded BLAS calls, so the result does
 * not depend on which thread runs it.
 */
final class Strips {

    /** The work of one strip. */
    @FunctionalInterface
    interface Task {
        void run(Buffer buffer, int strip);
    }

    /** The work of one strip, with the running thread's own state. */
    @FunctionalInterface
    interface StatefulTask<S> {
        void run(Buffer buffer, S state, int strip);
    }

    private Strips() {
    }

    /**
     * Runs strips 0..strips−1 on min(threads, strips) threads (the caller's included); strips are taken
     * in index order from a shared counter.
     *
     * @param rows the rows of each thread's buffer
     * @param cols the columns of each thread's buffer
     * @param x the native row-major x points (position 0)
     * @param y the native row-major y points (position 0); may be x
     * @throws RuntimeException or Error: the first failure of any strip, rethrown in the caller
     */
    static void run(int strips, int threads, int rows, int cols, DoublePointer x, DoublePointer y, Task task) {
        run(strips, threads, rows, cols, x, y, () -> null, (buffer, state, s) -> task.run(buffer, s));
    }

    /**
     * As {@link #run(int, int, int, int, DoublePointer, DoublePointer, Task)}, each thread also creating
     * its own state (e.g. Java buffers) once, from {@code state}.
     */
    static <S> void run(int strips, int threads, int rows, int cols, DoublePointer x, DoublePointer y,
                        java.util.function.Supplier<S> state, StatefulTask<S> task) {
        ParallelTasks.run(strips, threads, () -> {
            Buffer buffer = new Buffer(rows, cols, x, y);
            try {
                return new Worker<>(buffer, state.get(), task);
            } catch (RuntimeException | Error e) {
                buffer.close();
                throw e;
            }
        });
    }

    /** One thread's runner: its native buffer (freed when the thread is done) and its state. */
    private static final class Worker<S> implements IntConsumer, AutoCloseable {
        private final Buffer buffer;
        private final S state;
        private final StatefulTask<S> task;

        Worker(Buffer buffer, S state, StatefulTask<S> task) {
            this.buffer = buffer;
            this.state = state;
            this.task = task;
        }

        @Override
        public void accept(int strip) {
            task.run(buffer, state, strip);
        }

        @Override
        public void close() {
            buffer.close();
        }
    }

    /** One thread's native strip buffer (rows × cols, row-major) and its own views of the operands. */
    static final class Buffer implements AutoCloseable {
        private final DoublePointer c;
        private final DoubleBuffer view;
        private final DoublePointer a;
        private final DoublePointer b;
        private final DoublePointer target;

        Buffer(int rows, int cols, DoublePointer x, DoublePointer y) {
            c = new DoublePointer((long) rows * cols);
            view = c.asBuffer();
            a = new DoublePointer(x); // views: this thread moves their positions, never x's or y's
            b = new DoublePointer(y);
            target = new DoublePointer(c);
        }

        /**
         * Computes the p×q block of X·Yᵀ with rows i0.. of x and j0.. of y into the buffer at column
         * {@code col}, row stride {@code ld}; one single-threaded {@code cblas_dgemm} call (p·q·d must
         * not exceed {@link OpenBlasInnerProductBackend#SINGLE_THREAD_WORK}).
         */
        void gemm(int i0, int p, int j0, int q, int d, int col, int ld) {
            a.position((long) i0 * d);
            b.position((long) j0 * d);
            target.position(col);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                    p, q, d, 1.0, a, d, b, d, 0.0, target, ld);
        }

        /** Copies {@code len} values of buffer row r (row stride ld) from column col into out at offset. */
        void copyRow(int r, int col, int ld, double[] out, int offset, int len) {
            view.position(r * ld + col);
            view.get(out, offset, len);
        }

        @Override
        public void close() {
            c.close();
        }
    }
}
