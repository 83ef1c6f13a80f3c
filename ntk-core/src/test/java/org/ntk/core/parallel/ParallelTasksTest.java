package org.ntk.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelTasksTest {

    @Test
    void runsEveryTaskExactlyOnceForAnyThreadCount() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(97);
            ParallelTasks.run(97, threads, hits::incrementAndGet);
            for (int i = 0; i < 97; i++) {
                assertEquals(1, hits.get(i), "task " + i + " with " + threads + " threads");
            }
        }
    }

    @Test
    void rethrowsTheFirstFailureInTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParallelTasks.run(50, 3, i -> {
                    if (i == 17) {
                        throw boom;
                    }
                }));
        assertSame(boom, e);
    }

    /** A runner with a per-thread resource; counts how often it is closed. */
    private static final class Closing implements java.util.function.IntConsumer, AutoCloseable {
        private final java.util.concurrent.atomic.AtomicInteger closed;
        private final int failAt;

        Closing(java.util.concurrent.atomic.AtomicInteger closed, int failAt) {
            this.closed = closed;
            this.failAt = failAt;
        }

        @Override
        public void accept(int task) {
            if (task == failAt) {
                throw new IllegalArgumentException("task " + task);
            }
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void closesEachThreadsCloseableRunnerOnceAlsoAfterAFailure() {
        for (int threads : new int[] {1, 2, 4}) {
            java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
            ParallelTasks.run(40, threads, () -> {
                made.incrementAndGet();
                return new Closing(closed, -1);
            });
            assertEquals(Math.min(threads, 40), made.get(), "runners made with " + threads + " threads");
            assertEquals(made.get(), closed.get(), "every runner closed once, " + threads + " threads");

            made.set(0);
            closed.set(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParallelTasks.run(40, threads, () -> {
                        made.incrementAndGet();
                        return new Closing(closed, 7);
                    }));
            assertEquals("task 7", e.getMessage());
            assertEquals(made.get(), closed.get(), "closed after the failure too, " + threads + " threads");
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> ParallelTasks.run(1, 0, i -> { }));
        assertTrue(t.getMessage().contains("threads"), t.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> ParallelTasks.run(-1, 1, i -> { }));
        assertTrue(n.getMessage().contains("tasks"), n.getMessage());
        assertThrows(NullPointerException.class,
                () -> ParallelTasks.run(1, 1, (java.util.function.IntConsumer) null));
    }
}
