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
