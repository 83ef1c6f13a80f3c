package org.ntk.spectral.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DescentScheduleTest {

    @Test
    void factories() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, DescentSchedule.everyStep(0.5, 3).recordedSteps());
        assertArrayEquals(new int[] {0, 4, 8, 10}, DescentSchedule.strided(0.5, 10, 4).recordedSteps());
        assertArrayEquals(new int[] {0, 5, 10}, DescentSchedule.strided(0.5, 10, 5).recordedSteps());
        assertArrayEquals(new int[] {0}, DescentSchedule.everyStep(0.5, 0).recordedSteps());
        DescentSchedule s = DescentSchedule.at(0.25, 3, 7);
        assertEquals(7, s.totalSteps());
        assertEquals(2, s.recordCount());
        assertEquals(3, s.recordedStep(0));
        assertEquals(0.25, s.learningRate());
        assertEquals(s, DescentSchedule.at(0.25, 3, 7));
        assertEquals(s.hashCode(), DescentSchedule.at(0.25, 3, 7).hashCode());
    }

    @Test
    void copiesInAndOut() {
        int[] steps = {0, 2};
        DescentSchedule s = new DescentSchedule(1, steps);
        steps[1] = 5;
        assertEquals(2, s.totalSteps());
        s.recordedSteps()[1] = 9;
        assertEquals(2, s.totalSteps());
    }

    @Test
    void rejectsBadArguments() {
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "learningRate", () -> DescentSchedule.at(0, 1));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "learningRate",
                () -> DescentSchedule.at(Double.NaN, 1));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "learningRate",
                () -> DescentSchedule.at(Double.POSITIVE_INFINITY, 1));
        OutputLayerDescentTest.rejects(NullPointerException.class, "recordedSteps", () -> new DescentSchedule(1, null));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "recordedSteps", () -> DescentSchedule.at(1));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "recordedSteps[0]",
                () -> DescentSchedule.at(1, -1, 2));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "increase", () -> DescentSchedule.at(1, 2, 2));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "steps", () -> DescentSchedule.everyStep(1, -1));
        OutputLayerDescentTest.rejects(IllegalArgumentException.class, "stride", () -> DescentSchedule.strided(1, 5, 0));
    }
}
